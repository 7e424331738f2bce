using System.Text;
using System.Text.Json;
using ActorHyper.Exploration;

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
            json.WriteString("variant", outcome.Variant);
            json.WriteNumber("seed", options.Seed);
            json.WriteNumber("iterations", options.Iterations);
            json.WriteNumber("workers", options.Workers);
            json.WriteString("configurationHash", outcome.Configuration.HashText);
        json.WriteString("faults", outcome.Configuration.Options.Faults);
            json.WriteNumber("schedules", report.Schedules.Count);
            json.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            json.WriteNumber("schedulesPerSecond", Math.Round(report.SchedulesPerSecond, 2));
            json.WriteNumber("distinctInterleavings", report.DistinctInterleavings);
            json.WriteNumber("maxSteps", report.MaxSteps);
            json.WriteString("digest", ExplorationConfiguration.Format(report.Digest));
            json.WriteStartArray("pctBounds");
            foreach (var (depth, bound) in report.PctBounds)
            {
                json.WriteStartObject();
                json.WriteNumber("depth", depth);
                json.WriteNumber("actors", report.Actors);
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
        foreach (var line in violation.Original.Story)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
