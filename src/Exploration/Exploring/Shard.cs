using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Which iterations one of several machines runs: shard k of N takes the iterations i with
/// i mod N = k − 1 (interleaved, so every shard gets each strategy of a portfolio alike). Iteration
/// i keeps its seed (<see cref="IterationSeed.Of"/>) and its strategy, so the N shards together run what one unsharded
/// exploration runs, schedule for schedule.
/// </summary>
public readonly record struct Shard(int Number, int Count)
{
    /// <summary>Every iteration: shard 1 of 1.</summary>
    public static Shard All => new(1, 1);

    public bool IsAll => Count <= 1;

    /// <summary>The <paramref name="local"/>-th iteration this shard runs (from 0).</summary>
    public long Iteration(long local) => (local * Math.Max(1, Count)) + Math.Max(0, Number - 1);

    /// <summary>How many of the first <paramref name="iterations"/> iterations are this shard's.</summary>
    public long CountOf(long iterations)
    {
        var first = Math.Max(0, Number - 1);
        return iterations <= first ? 0 : ((iterations - first - 1) / Math.Max(1, Count)) + 1;
    }

    /// <summary>Parses <c>k/N</c> with 1 ≤ k ≤ N; <paramref name="problem"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out Shard shard, [NotNullWhen(false)] out string? problem)
    {
        shard = All;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"--shard must be k/N (shard k of N, whole numbers, 1 <= k <= N), got '{text}'.";
            return false;
        }

        if (count < 1 || number < 1 || number > count)
        {
            problem = $"--shard {text}: k must be from 1 to N (N at least 1).";
            return false;
        }

        shard = new Shard(number, count);
        problem = null;
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Count}");
}
