using System.Text;
using System.Text.Json;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Host.Exploring;

/// <summary><c>replay --json</c>: one JSON object with what the text says (the trace, where the run left it, the violation and its story, the hashes, the export).</summary>
public static class ReplayJson
{
    public static string Of(string file, TraceFile trace, ReplayStrategy strategy, ScheduleResult result, ReplayExport? export)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("scenario", trace.ScenarioName);
            json.WriteNumber("seed", trace.Seed);
            json.WriteString("variant", trace.Variant);
            json.WriteString("foundBy", trace.Strategy);
            json.WriteNumber("decisions", trace.Decisions.Count);
            if (strategy.DivergedAt is { } diverged)
            {
                json.WriteNumber("divergedAtStep", diverged);
            }
            else
            {
                json.WriteNull("divergedAtStep");
            }

            json.WriteString("expectedInvariant", trace.Invariant);
            if (result.Failure is { } failure)
            {
                json.WriteStartObject("violation");
                json.WriteString("invariant", failure.Monitor);
                json.WriteString("reason", failure.Reason);
                json.WriteNumber("step", failure.Step);
                json.WriteNumber("atMs", failure.At.TotalMilliseconds);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("violation");
            }

            json.WriteNumber("steps", result.Steps);
            json.WriteStartArray("story");
            foreach (var line in result.Story)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteString("traceHash", ExplorationConfiguration.Format(result.TraceHash));
            json.WriteString("recordedTraceHash", ExplorationConfiguration.Format(trace.TraceHash));
            json.WriteBoolean("sameTrace", result.TraceHash == trace.TraceHash);
            if (export is not null)
            {
                json.WriteStartObject("export");
                json.WriteString("format", export.Format);
                json.WriteString("file", export.Path);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
