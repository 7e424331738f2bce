namespace ActorHyper.Exploration.Watching;

/// <summary>
/// A system's place for its watch. Every observed queue of the system holds its slot from birth
/// (queues of guardians exist long before a watch starts), so attaching or detaching a watch needs
/// no walk over queues, and a queue of an unwatched system pays one volatile read per message.
/// </summary>
internal sealed class WatchSlot
{
    private RealThreadWatch? _watch;

    public RealThreadWatch? Watch => Volatile.Read(ref _watch);

    public bool TryAttach(RealThreadWatch watch) => Interlocked.CompareExchange(ref _watch, watch, null) is null;

    public void Detach(RealThreadWatch watch) => Interlocked.CompareExchange(ref _watch, null, watch);
}
