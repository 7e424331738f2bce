using System.Globalization;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;

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
            options.Strategy == StrategyKind.Dfs
                ? Invariant($"explore: scenario {outcome.Scenario.Name}, strategy dfs, variant {outcome.Variant}, seed {options.Seed}, at most {options.Iterations} schedules, 1 worker (a search runs on one)")
                : Invariant($"explore: scenario {outcome.Scenario.Name}, strategy {ExplorationStrategies.NameOf(options.Strategy)}{(options.Strategy == StrategyKind.Pct ? $" (depth {options.Depth})" : "")}, variant {outcome.Variant}, seed {options.Seed}, {options.Workers} worker(s)"),
            Invariant($"schedules:              {report.Schedules.Count}{(options.Shard.IsAll ? "" : $" (shard {options.Shard}: the iterations i with i mod {options.Shard.Count} = {options.Shard.Number - 1})")}"),
            Invariant($"schedules per second:   {report.SchedulesPerSecond:0.0} ({report.Elapsed.TotalSeconds:0.00} s)"),
            Invariant($"distinct interleavings: {report.DistinctInterleavings}"),
            Invariant($"dead letters:           {report.DeadLetters} of user messages, in {report.SchedulesWithDeadLetters} of {report.Schedules.Count} schedules"),
            Invariant($"max steps:              {report.MaxSteps}"),
            Invariant($"coverage:               {report.Coverage.Count} (actor type, message type, state) triples, {report.Coverage.Select(static t => t.Actor).Distinct(StringComparer.Ordinal).Count()} actor types, {report.Coverage.Select(static t => t.Message).Distinct(StringComparer.Ordinal).Count()} message types"),
            Invariant($"digest:                 {ExplorationConfiguration.Format(report.Digest)}"),
            Invariant($"configuration:          {outcome.Configuration.HashText}"),
        };
        if (report.Model is { } model)
        {
            lines.Add(Invariant($"model:                  {model}"));
        }

        if (report.Dfs is { } dfs)
        {
            lines.AddRange(Dfs(dfs, report));
        }

        if (outcome.Configuration.Options.Faults is { Length: > 0 } faults)
        {
            lines.Add(Invariant($"faults:                 {faults}; {report.FaultsInjected} injected, in {report.SchedulesWithFaults} of {report.Schedules.Count} schedules"));
        }

        if (report.PctBounds.Count > 0)
        {
            lines.Add(Invariant($"pct:                    {PctSettings(report)}"));
        }

        foreach (var (depth, bound) in report.PctBounds)
        {
            lines.Add(Invariant($"pct bound (d={depth}):    {bound:0.###e+0} = 1/(n·k^(d-1)), n = {report.Channels} channels, k = {report.MaxSteps} steps"));
        }

        lines.Add(Invariant($"violations:             {report.Violations.Count}"));
        if (report.FirstViolationAfter is { } first)
        {
            lines.Add(Invariant($"first violation after:  {first.Schedules} schedule(s), {first.Elapsed.TotalSeconds:0.00} s (shrinking excluded)"));
        }

        for (var i = 0; i < report.Violations.Count; i++)
        {
            lines.AddRange(Violation(report.Violations[i], outcome.TraceFiles[i]));
        }

        return lines;
    }

    /// <summary>The search's figures and its verdict: <c>exhaustive: N schedules, S states, no violation</c>, or how far it got.</summary>
    private static IEnumerable<string> Dfs(DfsSummary dfs, ExplorationReport report)
    {
        yield return Invariant($"states:                 {dfs.States}{(dfs.Caching ? "" : $" (steps branched at; state caching off: {dfs.CachingOffReason})")}");
        yield return Invariant($"pruned:                 {dfs.CacheHits} at a state seen before, {dfs.SleepBlocked} with every choice asleep, {dfs.Slept} choices asleep");
        var verdict = report.Violations.Count == 0 ? "no violation" : $"{report.Violations.Count} violation(s)";
        if (dfs.Exhaustive)
        {
            var bound = (dfs.DeviationBound is { } deviations ? Invariant($" (within {deviations} deviation(s) from the default order)") : "") +
                (dfs.DepthBounded ? Invariant($" (up to {report.MaxSteps} steps: some schedules reached the step limit)") : "");
            yield return Invariant($"exhaustive: {report.Schedules.Count} schedules, {dfs.States} states, {verdict}{bound}");
        }
        else
        {
            yield return Invariant($"not exhaustive: stopped after {report.Schedules.Count} schedules, {dfs.States} states, {verdict}");
            yield return "new states per step: " + Growth(dfs.StatesPerDepth);
            yield return Invariant($"estimate:               {dfs.Estimate} (weighted backtrack estimate: low early on)");
        }
    }

    /// <summary><c>step:count</c>, runs of steps with one count as <c>first-last:count</c>.</summary>
    private static string Growth(IReadOnlyList<long> perStep)
    {
        var parts = new List<string>();
        for (var first = 0; first < perStep.Count;)
        {
            var last = first;
            while (last + 1 < perStep.Count && perStep[last + 1] == perStep[first])
            {
                last++;
            }

            parts.Add(first == last ? Invariant($"{first}:{perStep[first]}") : Invariant($"{first}-{last}:{perStep[first]}"));
            first = last + 1;
        }

        return string.Join(" ", parts);
    }

    /// <summary>What PCT did besides its depth: where its change points fall, what follows them, and how it treats timers.</summary>
    public static string PctSettings(ExplorationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Invariant($"priorities over the first {report.PctSteps} steps (the change points among them), then a random walk; ") +
            Invariant($"a due timer beats ready messages at most d times a run and goes first once {ExecutionModel.Duration(report.Options.PctOverdue)} overdue");
    }

    public static IReadOnlyList<string> Violation(Violation violation, string? traceFile)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var failure = violation.Failure;
        var lines = new List<string>
        {
            "",
            Invariant($"violation: {violation.Invariant} at iteration {violation.Iteration} (seed {violation.Seed}, {violation.Strategy}), step {failure.Step} @{failure.At.TotalMilliseconds:0.###} ms: {failure.Reason}"),
        };
        if (violation.Shrink is { } shrink)
        {
            lines.Add(Invariant($"  shrunk: {shrink.StepsBefore} → {shrink.StepsAfter} steps, {shrink.DeviationsBefore} → {shrink.DeviationsAfter} deviations from the default order ({shrink.Replays} replays)"));
            if (shrink.FaultsBefore > 0 || shrink.CommandsBefore > 0)
            {
                lines.Add(Invariant($"          {shrink.FaultsBefore} → {shrink.FaultsAfter} injected faults, {shrink.CommandsBefore} → {shrink.CommandsAfter} scenario commands"));
            }
        }

        // The story of the schedule the trace file keeps: the shrunk one has the fewest deviations to explain.
        var kept = violation.Schedule.Failure ?? failure;
        lines.Add(Invariant($"  story{(violation.Shrink is null ? "" : " of the shrunk schedule")} (receiver ← sender: message), failing at step {kept.Step} @{kept.At.TotalMilliseconds:0.###} ms:"));
        lines.AddRange(violation.Schedule.Story.Select(static line => "    " + line));

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
