using System.Globalization;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// A depth-first search's estimate of its tree (<see cref="DfsTree.Estimate"/>): <see cref="Schedules"/>
/// run so far, and the weight they cover (as log10, 0 when the tree is exhausted), so about
/// <see cref="Total"/> schedules in all. Logs, since a deep tree's figures overflow a double.
/// </summary>
public readonly record struct DfsTreeEstimate(long Schedules, double Log10Covered)
{
    /// <summary>log10 of the schedules the whole tree has, by the estimate.</summary>
    public double Log10Total => Schedules == 0 ? 0 : Math.Log10(Schedules) - Log10Covered;

    /// <summary>The share of the tree's weight covered, 0 to 1 (0 when too small to tell).</summary>
    public double Covered => Math.Pow(10, Log10Covered);

    /// <summary>The schedules in all, by the estimate (infinity past a double's range).</summary>
    public double Total => Math.Pow(10, Log10Total);

    /// <summary>The schedules left, by the estimate.</summary>
    public double Remaining => Math.Max(0, Total - Schedules);

    /// <summary>A count as a person reads it: <c>12,345</c>, or <c>about 10^18.4</c> past a billion.</summary>
    public static string Format(double count) => count < 1e9
        ? Math.Round(count).ToString("N0", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"10^{Math.Log10(count):0.0}");

    /// <summary>One line: <c>about 1,234 schedules in all, 1,000 left (19% of the tree's weight covered)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"about {FormatLog(Log10Total)} schedules in all, {(Log10Total > 9 ? FormatLog(Log10Total) : Format(Remaining))} left ({CoveredText} of the tree's weight covered)");

    private string CoveredText => Log10Covered > -4
        ? string.Create(CultureInfo.InvariantCulture, $"{Covered * 100:0.##}%")
        : string.Create(CultureInfo.InvariantCulture, $"10^{Log10Covered:0.0}");

    private static string FormatLog(double log10) => log10 < 9 ? Format(Math.Pow(10, log10)) : string.Create(CultureInfo.InvariantCulture, $"10^{log10:0.0}");
}
