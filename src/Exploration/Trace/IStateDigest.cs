namespace ActorHyper.Exploration.Trace;

/// <summary>
/// What an actor (or a monitor, or a host's script) implements to give a stable digest of its state,
/// so that an exhaustive exploration can tell it has been in a global state before and skip it
/// (<see cref="ControlledDriver.StateDigest"/>). The digest must cover everything that matters for
/// what the actor will do from now on (its fields, the behaviour it has become, what it has stashed,
/// what it watches), and must not depend on how it got there nor on anything that differs from
/// process to process (reference hashes, uids): two states with equal digests are treated as one.
/// Build it with <see cref="StableHash"/>, <see cref="MessageDigest"/> for values and
/// <see cref="StateDigests"/> for collections whose order does not matter.
/// </summary>
public interface IStateDigest
{
    ulong StateDigest();
}

/// <summary>Helpers for <see cref="IStateDigest"/> implementations.</summary>
public static class StateDigests
{
    /// <summary>
    /// Spreads a hash over all 64 bits (SplitMix64's finaliser): what a sum of hashes needs so that
    /// it tells sets apart.
    /// </summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>A digest of <paramref name="items"/> that does not depend on their order (a set, a dictionary's entries).</summary>
    public static ulong Unordered<T>(IEnumerable<T> items, Func<T, ulong> digest)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(digest);
        var sum = 0UL;
        var count = 0UL;
        foreach (var item in items)
        {
            sum += Mix(digest(item));
            count++;
        }

        return StableHash.Add(StableHash.Add(StableHash.Offset, sum), count);
    }

    /// <summary>A digest of <paramref name="items"/> in their order.</summary>
    public static ulong Ordered<T>(IEnumerable<T> items, Func<T, ulong> digest)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(digest);
        var hash = StableHash.Offset;
        var count = 0UL;
        foreach (var item in items)
        {
            hash = StableHash.Add(hash, digest(item));
            count++;
        }

        return StableHash.Add(hash, count);
    }

    /// <summary>A value's digest (<see cref="MessageDigest"/>: records by value, actor references by path).</summary>
    public static ulong Of(object? value) => MessageDigest.Of(value);
}
