using System.Text;
using System.Text.Json;

namespace ActorHyper.Host.Soak;

/// <summary>A soak's report as one JSON object (<c>--report FILE</c>, <c>--json</c>).</summary>
public static class SoakJson
{
    public static string Of(SoakReport report, bool indented)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteNumber("seed", report.Seed);
            json.WriteString("machine", report.Machine);
            json.WriteBoolean("monitors", report.Monitors);
            json.WriteString("faults", report.Faults ?? "");
            json.WriteString("variant", report.Variant);
            json.WriteNumber("duration", Math.Round(report.Asked.TotalSeconds, 3));
            json.WriteNumber("elapsedSeconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            json.WriteString("ended", report.Ended);
            json.WriteBoolean("passed", report.Passed);
            json.WriteNumber("launches", report.Launches);
            json.WriteNumber("boots", report.Boots);
            json.WriteNumber("refused", report.Refused);
            json.WriteNumber("kills", report.Kills);
            json.WriteStartObject("failures");
            foreach (var (reason, count) in report.Failures)
            {
                json.WriteNumber(reason, count);
            }

            json.WriteEndObject();
            json.WriteStartArray("violations");
            foreach (var violation in report.Violations)
            {
                json.WriteStartObject();
                json.WriteString("invariant", violation.Invariant);
                if (violation.Instance is { } instance)
                {
                    json.WriteNumber("instance", instance);
                }
                else
                {
                    json.WriteNull("instance");
                }

                json.WriteNumber("atSeconds", violation.AtSeconds);
                json.WriteString("reason", violation.Reason);
                WriteLines(json, "story", violation.Story);
                json.WriteString("scenarioFile", violation.ScenarioFile);
                json.WriteString("exploreCommand", violation.ExploreCommand);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteFindings(json, "leaks", report.Leaks);
            WriteFindings(json, "hangs", report.Hangs);
            json.WriteNumber("checks", report.Checks);
            json.WriteNumber("bootLatencyP50Ms", report.BootLatencyP50Ms);
            json.WriteNumber("bootLatencyP99Ms", report.BootLatencyP99Ms);
            json.WriteNumber("bootsPerSecond", report.BootsPerSecond);
            json.WriteNumber("messagesPerSecond", report.MessagesPerSecond);
            json.WriteNumber("watchedShare", report.WatchedShare);
            json.WriteStartObject("deadLetters");
            json.WriteNumber("expected", report.ExpectedDeadLetters);
            json.WriteNumber("unexpected", report.UnexpectedDeadLetters);
            json.WriteEndObject();
            json.WriteNumber("unhandledMessages", report.UnhandledMessages);
            json.WriteNumber("crashes", report.Crashes);
            json.WriteNumber("mailboxOverwrites", report.MailboxOverwrites);
            WriteLines(json, "samples", report.Samples);
            json.WriteNumber("heapAfterWarmupBytes", report.HeapAfterWarmupBytes);
            json.WriteNumber("heapEndBytes", report.HeapEndBytes);
            json.WriteNumber("heapDrift", Math.Round(report.HeapDrift, 4));
            json.WriteNumber("peakRssBytes", report.PeakRssBytes);
            json.WriteNumber("threadsAfterWarmup", report.ThreadsAfterWarmup);
            json.WriteNumber("threadsEnd", report.ThreadsEnd);
            json.WriteNumber("gen0Collections", report.Gen0Collections);
            json.WriteNumber("gen2Collections", report.Gen2Collections);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, IReadOnlyList<SoakFinding> findings)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteNumber("atSeconds", finding.AtSeconds);
            json.WriteString("what", finding.What);
            WriteLines(json, "detail", finding.Detail);
            json.WriteString("scenarioFile", finding.ScenarioFile);
            json.WriteString("exploreCommand", finding.ExploreCommand);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteLines(Utf8JsonWriter json, string name, IReadOnlyList<string> lines)
    {
        json.WriteStartArray(name);
        foreach (var line in lines)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
    }
}
