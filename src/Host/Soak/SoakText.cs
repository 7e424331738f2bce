using System.Globalization;

namespace ActorHyper.Host.Soak;

/// <summary>A soak's summary as text: the figures, then each violation with its story, each leak and hang.</summary>
public static class SoakText
{
    public static IEnumerable<string> Lines(SoakReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        var faults = string.IsNullOrEmpty(report.Faults) ? "" : $", faults {report.Faults}";
        var variant = report.Variant == "none" ? "" : $", variant {report.Variant}";
        yield return string.Create(c, $"soak: {report.Machine} machine, seed {report.Seed}, {WallDuration.Format(report.Elapsed)} of {WallDuration.Format(report.Asked)} (ended: {report.Ended}), monitors {(report.Monitors ? "on" : "off")}{faults}{variant}");
        yield return string.Create(c, $"boots:                {report.Boots} of {report.Launches} launches ({report.BootsPerSecond:0.##}/s), {report.Refused} refused for want of room, {report.Kills} kills");
        yield return string.Create(c, $"boot latency:         p50 {report.BootLatencyP50Ms:0.0} ms, p99 {report.BootLatencyP99Ms:0.0} ms (wall)");
        yield return report.Failures.Count == 0
            ? "failures:             0"
            : $"failures:             {report.Failures.Values.Sum()}: " + string.Join("; ", report.Failures.Select(static f => $"{f.Value} × {f.Key}"));
        if (report.Monitors)
        {
            yield return string.Create(c, $"messages:             {report.MessagesPerSecond:0} per second; the monitors read {report.WatchedShare:P1} of them (with the events they asked for)");
            yield return string.Create(c, $"dead letters:         {report.ExpectedDeadLetters} expected (after a kill), {report.UnexpectedDeadLetters} unexpected; {report.UnhandledMessages} unhandled messages, {report.Crashes} crashes");
        }

        foreach (var sample in report.Samples)
        {
            yield return "  " + sample;
        }

        yield return string.Create(c, $"mailbox overwrites:   {report.MailboxOverwrites}");
        var end = report.HeapEndBytes == 0
            ? $"not measured at the end (ended: {report.Ended})"
            : string.Create(c, $"{Mib(report.HeapEndBytes)} at the end ({report.HeapDrift:+0.0%;-0.0%;0.0%})");
        yield return string.Create(c, $"heap:                 {Mib(report.HeapAfterWarmupBytes)} after warm-up, {end}; peak RSS {Mib(report.PeakRssBytes)}; GC gen0 {report.Gen0Collections}, gen2 {report.Gen2Collections}");
        yield return report.ThreadsEnd == 0
            ? $"threads:              {report.ThreadsAfterWarmup} after warm-up"
            : $"threads:              {report.ThreadsAfterWarmup} after warm-up, {report.ThreadsEnd} at the end";
        yield return string.Create(c, $"checks:               {report.Checks} quiescent points; {report.Leaks.Count} leaks, {report.Hangs.Count} hangs, {report.Violations.Count} violations");
        foreach (var violation in report.Violations)
        {
            yield return "";
            var instance = violation.Instance is { } i ? $" (instance {i})" : "";
            yield return string.Create(c, $"violation: {violation.Invariant} at {violation.AtSeconds:0.000} s{instance}: {violation.Reason}");
            if (violation.Story.Count > 0)
            {
                yield return "  what concerns it (the last the monitors saw, oldest first):";
                foreach (var line in violation.Story)
                {
                    yield return "    " + line;
                }
            }

            if (violation.ScenarioFile is { } file)
            {
                yield return $"  scenario: {file}";
                yield return $"  explore it: {violation.ExploreCommand ?? "(not written)"}";
            }
        }

        foreach (var (kind, findings) in new[] { ("leak", report.Leaks), ("hang", report.Hangs) })
        {
            foreach (var finding in findings)
            {
                yield return "";
                yield return string.Create(c, $"{kind}: at {finding.AtSeconds:0.000} s: {finding.What}");
                foreach (var line in finding.Detail)
                {
                    yield return "    " + line;
                }

                if (finding.ScenarioFile is { } file)
                {
                    yield return $"  scenario: {file}";
                    yield return $"  explore it: {finding.ExploreCommand ?? "(not written)"}";
                }
            }
        }

        yield return "";
        yield return report.Passed ? "passed: no violation, no leak, no hang" : "FAILED: " + string.Join(", ", Reasons(report));
    }

    /// <summary>The plain progress line: every 10 seconds when the output is not a terminal.</summary>
    public static string ProgressLine(SoakProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"soak: {WallDuration.Format(p.Elapsed)}/{WallDuration.Format(p.Duration)}: {p.Boots} boots, {p.Kills} kills, {p.Failures} failures, {p.Live} live, p50 {p.BootLatencyP50Ms:0.0} ms, p99 {p.BootLatencyP99Ms:0.0} ms, {p.Violations} violations, {p.Leaks} leaks");

    private static IEnumerable<string> Reasons(SoakReport report)
    {
        if (report.Violations.Count > 0)
        {
            yield return $"{report.Violations.Count} violation(s) ({string.Join(", ", report.Violations.Select(static v => v.Invariant).Distinct())})";
        }

        if (report.Leaks.Count > 0)
        {
            yield return $"{report.Leaks.Count} leak(s)";
        }

        if (report.Hangs.Count > 0)
        {
            yield return $"{report.Hangs.Count} hang(s)";
        }
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB");
}
