namespace ActorHyper.Exploration.Watching;

/// <summary>
/// Many producers (the machine's threads), one consumer (the hub): an intrusive linked queue after
/// Vyukov's. A producer swaps itself in as the newest record and then links its predecessor to it;
/// the hub follows the links from the oldest. The order is the order of the swaps, which is a
/// linearization of the hand-offs, so it respects causality as a mailbox does. No lock, no array.
/// </summary>
internal sealed class HubInbox
{
    /// <summary>The newest record (or the stub); swapped by producers.</summary>
    private HubRecord _newest;

    /// <summary>The last record the hub took (or the stub): its <see cref="HubRecord.Next"/> is the next to take. The hub's alone.</summary>
    private HubRecord _taken;

    public HubInbox()
    {
        var stub = new Stub();
        _newest = stub;
        _taken = stub;
    }

    public void Add(HubRecord record)
    {
        record.Next = null;
        var previous = Interlocked.Exchange(ref _newest, record);
        Volatile.Write(ref previous.Next, record);
    }

    /// <summary>The hub's next record; false when none is linked yet (one being added may still be unlinked: its producer then wakes the hub).</summary>
    public bool TryTake(out HubRecord record)
    {
        var next = Volatile.Read(ref _taken.Next);
        if (next is null)
        {
            record = null!;
            return false;
        }

        _taken = next;
        record = next;
        return true;
    }

    public bool IsEmpty => Volatile.Read(ref _taken.Next) is null;

    private sealed class Stub : HubRecord
    {
    }
}
