using System.Globalization;
using ActorHyper.Exploration;

namespace ActorHyper.Host.Exploring;

/// <summary>The plain-text report of an exploration: the figures, then each violation with its story, its shrinking and its trace file.</summary>
public static class ExplorationText
{
    public static IReadOnlyList<string> Lines(ExplorationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var report = outcome.Report;
        var options = report.Options;
        var lines = new List<string>
        {
            Invariant($"explore: scenario {outcome.Scenario.Name}, strategy {ExplorationStrategies.NameOf(options.Strategy)}{(options.Strategy == StrategyKind.Pct ? $" (depth {options.Depth})" : "")}, variant {outcome.Variant}, seeds {options.Seed}..{options.Seed + (ulong)Math.Max(0, options.Iterations - 1)}, {options.Workers} worker(s)"),
            Invariant($"schedules:              {report.Schedules.Count}"),
            Invariant($"schedules per second:   {report.SchedulesPerSecond:0.0} ({report.Elapsed.TotalSeconds:0.00} s)"),
            Invariant($"distinct interleavings: {report.DistinctInterleavings}"),
            Invariant($"max steps:              {report.MaxSteps}"),
            Invariant($"digest:                 {ExplorationConfiguration.Format(report.Digest)}"),
            Invariant($"configuration:          {outcome.Configuration.HashText}"),
        };
        if (outcome.Configuration.Options.Faults is { Length: > 0 } faults)
        {
            lines.Add($"faults:                 {faults}");
        }

        foreach (var (depth, bound) in report.PctBounds)
        {
            lines.Add(Invariant($"pct bound (d={depth}):    {bound:0.###e+0} = 1/(n·k^(d-1)), n = {report.Actors} actors, k = {report.MaxSteps} steps"));
        }

        lines.Add(Invariant($"violations:             {report.Violations.Count}"));
        for (var i = 0; i < report.Violations.Count; i++)
        {
            lines.AddRange(Violation(report.Violations[i], outcome.TraceFiles[i]));
        }

        return lines;
    }

    public static IReadOnlyList<string> Violation(Violation violation, string? traceFile)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var failure = violation.Failure;
        var lines = new List<string>
        {
            "",
            Invariant($"violation: {violation.Invariant} at iteration {violation.Iteration} (seed {violation.Seed}, {violation.Strategy}), step {failure.Step} @{failure.At.TotalMilliseconds:0.###} ms: {failure.Reason}"),
            Invariant($"  the last {violation.Original.Story.Count} deliveries (receiver ← sender: message):"),
        };
        lines.AddRange(violation.Original.Story.Select(static line => "    " + line));
        if (violation.Shrink is { } shrink)
        {
            lines.Add(Invariant($"  shrunk: {shrink.StepsBefore} → {shrink.StepsAfter} steps, {shrink.DeviationsBefore} → {shrink.DeviationsAfter} deviations from the default order ({shrink.Replays} replays)"));
            if (shrink.FaultsBefore > 0 || shrink.CommandsBefore > 0)
            {
                lines.Add(Invariant($"          {shrink.FaultsBefore} → {shrink.FaultsAfter} injected faults, {shrink.CommandsBefore} → {shrink.CommandsAfter} scenario commands"));
            }
        }

        if (violation.Schedule.Faults.Count > 0)
        {
            lines.Add($"  faults injected: {string.Join(", ", violation.Schedule.Faults)}");
        }

        lines.Add(Invariant($"  trace hash: {ExplorationConfiguration.Format(violation.Schedule.TraceHash)}"));
        if (traceFile is not null)
        {
            lines.Add($"  trace: {traceFile} (actorhyper replay {traceFile})");
        }

        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
