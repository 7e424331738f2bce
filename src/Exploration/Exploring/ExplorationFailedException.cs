using System.Globalization;
using System.Text;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Thrown by <see cref="ActorExploration.Run"/> when a schedule broke a monitor: the message names
/// the invariant, the reason, the iteration, the seed and the strategy, and tells the story of the
/// (shrunk) failing schedule. <see cref="Report"/> holds everything the exploration saw.
/// </summary>
public sealed class ExplorationFailedException : Exception
{
    public ExplorationFailedException()
    {
    }

    public ExplorationFailedException(string message)
        : base(message)
    {
    }

    public ExplorationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ExplorationFailedException(ExplorationReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    public ExplorationReport? Report { get; }

    /// <summary>The first violation, in iteration order.</summary>
    public Violation? Violation => Report?.Violations.Count > 0 ? Report.Violations[0] : null;

    /// <summary>The text of the exception: the first violation, its shrinking, its story; how many more there were.</summary>
    public static string Describe(ExplorationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Violations.Count == 0)
        {
            return "no violation";
        }

        var v = report.Violations[0];
        var schedule = v.Schedule;
        var failure = schedule.Failure ?? v.Failure;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"invariant '{v.Invariant}' broken at iteration {v.Iteration} (seed {v.Seed}, strategy {v.Strategy}) after {report.Schedules.Count} schedule(s): {v.Failure.Reason}");
        text.AppendLine();
        if (v.Shrink is { } shrink)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"shrunk: {shrink.StepsBefore} → {shrink.StepsAfter} steps, {shrink.DeviationsBefore} → {shrink.DeviationsAfter} deviations from the default order");
            text.AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture,
            $"story{(v.Shrink is null ? "" : " of the shrunk schedule")} (receiver ← sender: message), failing at step {failure.Step} @{failure.At.TotalMilliseconds:0.###} ms:");
        text.AppendLine();
        foreach (var line in schedule.Story)
        {
            text.Append("  ").AppendLine(line);
        }

        if (report.Violations.Count > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"and {report.Violations.Count - 1} more violation(s) in the report");
            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
