using System.Text;
using System.Text.Json;
using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Host.Exploring;

/// <summary>The JSON report of an exploration (<c>--json</c>, <c>--report FILE</c>): the same fields as the text.</summary>
public static class ExplorationJson
{
    public static string Of(ExplorationOutcome outcome, bool indented)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var report = outcome.Report;
        var options = report.Options;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", outcome.Scenario.Name);
            json.WriteString("strategy", ExplorationStrategies.NameOf(options.Strategy));
            json.WriteNumber("depth", options.Depth);
            json.WriteNumber("pctOverdueMicroseconds", options.PctOverdue.TotalMicroseconds);
            json.WriteNumber("pctSteps", report.PctSteps);
            json.WriteString("variant", outcome.Variant);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("iterations", options.Iterations);
            json.WriteNumber("workers", options.Workers);
            json.WriteString("shard", options.Shard.ToString());
            json.WriteString("configurationHash", outcome.Configuration.HashText);
            json.WriteString("faults", outcome.Configuration.Options.Faults);
            json.WriteNumber("faultsInjected", report.FaultsInjected);
            json.WriteNumber("schedulesWithFaults", report.SchedulesWithFaults);
            json.WriteNumber("schedules", report.Schedules.Count);
            json.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            json.WriteNumber("schedulesPerSecond", Math.Round(report.SchedulesPerSecond, 2));
            if (report.FirstViolationAfter is { } first)
            {
                json.WriteStartObject("firstViolationAfter");
                json.WriteNumber("schedules", first.Schedules);
                json.WriteNumber("seconds", Math.Round(first.Elapsed.TotalSeconds, 3));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("firstViolationAfter");
            }

            json.WriteNumber("deadLetters", report.DeadLetters);
            json.WriteNumber("schedulesWithDeadLetters", report.SchedulesWithDeadLetters);
            json.WriteNumber("distinctInterleavings", report.DistinctInterleavings);
            json.WriteNumber("maxSteps", report.MaxSteps);
            json.WriteString("digest", ExplorationConfiguration.Format(report.Digest));
            if (report.Model is { } model)
            {
                json.WriteString("model", model.ToString());
            }

            if (report.Dfs is { } dfs)
            {
                json.WriteStartObject("dfs");
                json.WriteBoolean("exhaustive", dfs.Exhaustive);
                json.WriteBoolean("depthBounded", dfs.DepthBounded);
                if (dfs.DeviationBound is { } bound)
                {
                    json.WriteNumber("deviationBound", bound);
                }

                json.WriteNumber("states", dfs.States);
                json.WriteNumber("estimatedSchedulesLog10", Math.Round(dfs.Estimate.Log10Total, 4));
                json.WriteNumber("coveredWeightLog10", Math.Round(dfs.Estimate.Log10Covered, 4));
                json.WriteBoolean("stateCaching", dfs.Caching);
                if (dfs.CachingOffReason is { } reason)
                {
                    json.WriteString("stateCachingOff", reason);
                }

                json.WriteNumber("cacheHits", dfs.CacheHits);
                json.WriteNumber("sleepBlocked", dfs.SleepBlocked);
                json.WriteNumber("slept", dfs.Slept);
                json.WriteStartArray("statesPerDepth");
                foreach (var count in dfs.StatesPerDepth)
                {
                    json.WriteNumberValue(count);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            Coverage(json, report.Coverage);
            json.WriteStartArray("pctBounds");
            foreach (var (depth, bound) in report.PctBounds)
            {
                json.WriteStartObject();
                json.WriteNumber("depth", depth);
                json.WriteNumber("channels", report.Channels);
                json.WriteNumber("steps", report.MaxSteps);
                json.WriteNumber("bound", bound);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("violations");
            for (var i = 0; i < report.Violations.Count; i++)
            {
                Violation(json, report.Violations[i], outcome.TraceFiles[i]);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>How many triples, over how many actor and message types, and every triple (sorted).</summary>
    private static void Coverage(Utf8JsonWriter json, IReadOnlyList<CoverageTriple> coverage)
    {
        json.WriteStartObject("coverage");
        json.WriteNumber("triples", coverage.Count);
        json.WriteNumber("actorTypes", coverage.Select(static t => t.Actor).Distinct(StringComparer.Ordinal).Count());
        json.WriteNumber("messageTypes", coverage.Select(static t => t.Message).Distinct(StringComparer.Ordinal).Count());
        json.WriteStartArray("seen");
        foreach (var triple in coverage)
        {
            json.WriteStartObject();
            json.WriteString("actor", triple.Actor);
            json.WriteString("message", triple.Message);
            json.WriteString("state", triple.State);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Violation(Utf8JsonWriter json, Violation violation, string? traceFile)
    {
        json.WriteStartObject();
        json.WriteString("invariant", violation.Invariant);
        json.WriteString("reason", violation.Failure.Reason);
        json.WriteNumber("iteration", violation.Iteration);
        json.WriteNumber("seed", violation.Seed);
        json.WriteString("strategy", violation.Strategy);
        json.WriteNumber("failedAtStep", violation.Failure.Step);
        json.WriteNumber("stepsBefore", violation.Shrink?.StepsBefore ?? violation.Original.Steps);
        json.WriteNumber("stepsAfter", violation.Shrink?.StepsAfter ?? violation.Original.Steps);
        json.WriteNumber("deviationsBefore", violation.Shrink?.DeviationsBefore ?? violation.Original.Deviations);
        json.WriteNumber("deviationsAfter", violation.Shrink?.DeviationsAfter ?? violation.Original.Deviations);
        json.WriteNumber("faultsBefore", violation.Shrink?.FaultsBefore ?? violation.Original.Faults.Count);
        json.WriteNumber("faultsAfter", violation.Shrink?.FaultsAfter ?? violation.Original.Faults.Count);
        json.WriteNumber("commandsBefore", violation.Shrink?.CommandsBefore ?? violation.Original.Commands.Count);
        json.WriteNumber("commandsAfter", violation.Shrink?.CommandsAfter ?? violation.Original.Commands.Count);
        json.WriteStartArray("injectedFaults");
        foreach (var fault in violation.Schedule.Faults)
        {
            json.WriteStringValue(fault);
        }

        json.WriteEndArray();
        json.WriteNumber("decisions", violation.Schedule.Decisions.Count);
        json.WriteString("traceHash", ExplorationConfiguration.Format(violation.Schedule.TraceHash));
        if (traceFile is not null)
        {
            json.WriteString("traceFile", traceFile);
        }

        json.WriteStartArray("story");
        foreach (var line in violation.Schedule.Story)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
