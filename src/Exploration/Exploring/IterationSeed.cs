namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// The seed of an exploration's iteration: the exploration's seed and the iteration's number mixed
/// by SplitMix64's finaliser, so that explorations from nearby seeds (1, 2, 3...) run unrelated
/// schedules; with seed S + i, seeds 1..5 shared all but four of their schedules.
/// </summary>
public static class IterationSeed
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>The seed iteration <paramref name="iteration"/> (from 0) of an exploration seeded <paramref name="seed"/> runs with.</summary>
    public static ulong Of(ulong seed, long iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        // Mixing the seed first spreads nearby seeds apart; the iteration then walks SplitMix64's sequence from there.
        return unchecked(Mix(Mix(seed) + (((ulong)iteration + 1) * Golden)));
    }

    /// <summary>SplitMix64's output function (Steele, Lea and Flood 2014): a bijection with full avalanche.</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
