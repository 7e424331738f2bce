namespace ActorHyper.Actors.Cores;

/// <summary>
/// How a program waits for a batch of instructions issued together (they complete in any order):
/// each one's continuation signals, and the last signal runs what comes next.
/// </summary>
public static class Completions
{
    /// <summary>
    /// The signal each of <paramref name="count"/> instructions calls when it completes; the last
    /// one runs <paramref name="then"/>. With nothing to wait for, <paramref name="then"/> runs now.
    /// </summary>
    public static Action AfterAll(int count, Action then)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(then);
        if (count == 0)
        {
            then();
            return static () => throw new InvalidOperationException("a batch of no instructions completed one");
        }
        var outstanding = count;
        return () =>
        {
            if (--outstanding == 0)
            {
                then();
            }
        };
    }
}
