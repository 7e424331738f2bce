namespace ActorHyper.Exploration.Watching;

/// <summary>
/// A counter every thread of the machine increments at each message: striped by thread, a cache
/// line apart, so the threads do not fight over one line. Reading sums the stripes (not a snapshot
/// of one instant, which a rate needs no more than that).
/// </summary>
internal sealed class StripedCounter
{
    /// <summary>Longs per cache line.</summary>
    private const int Spacing = 8;

    private readonly long[] _cells;
    private readonly int _mask;

    public StripedCounter()
    {
        var stripes = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, Environment.ProcessorCount * 2));
        _cells = new long[(stripes + 1) * Spacing];
        _mask = stripes - 1;
    }

    // Offset by one line so the first stripe shares none with the array's header.
    public void Increment() => Interlocked.Increment(ref _cells[((Environment.CurrentManagedThreadId & _mask) + 1) * Spacing]);

    public long Read()
    {
        long sum = 0;
        for (var i = Spacing; i < _cells.Length; i += Spacing)
        {
            sum += Volatile.Read(ref _cells[i]);
        }

        return sum;
    }
}
