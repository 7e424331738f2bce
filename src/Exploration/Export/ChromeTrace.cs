using System.Text;
using System.Text.Json;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Export;

/// <summary>
/// A recorded run as Chrome trace-event JSON (opens in Perfetto, ui.perfetto.dev, or chrome://tracing):
/// one process, one track (thread) per actor path, named by metadata events and sorted by path; one
/// slice per delivery, placed by step (step s starts at s × <see cref="StepMicros"/> µs: virtual time
/// stands still between timers, so it is in each slice's arguments instead); a flow arrow
/// (<c>"ph":"s"</c> → <c>"ph":"f"</c>, one id each) from the slice whose handler sent a message to
/// the slice that delivered it; and the violation, if any, as a global instant event at its step.
/// </summary>
public static class ChromeTrace
{
    /// <summary>The timeline's width of one step.</summary>
    public const long StepMicros = 100;

    private const long SliceMicros = 80;
    private const int Pid = 1;

    public static string Of(IReadOnlyList<RecordedDelivery> deliveries, RunFailure? failure, string title)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var tracks = Tracks(deliveries);
        var byStep = new Dictionary<long, RecordedDelivery>();
        foreach (var d in deliveries)
        {
            byStep.TryAdd(d.Step, d);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteStartArray("traceEvents");
            Metadata(json, "process_name", null, title);
            foreach (var (path, tid) in tracks)
            {
                Metadata(json, "thread_name", tid, path);
                json.WriteStartObject();
                json.WriteString("name", "thread_sort_index");
                json.WriteString("ph", "M");
                json.WriteNumber("pid", Pid);
                json.WriteNumber("tid", tid);
                json.WriteStartObject("args");
                json.WriteNumber("sort_index", tid);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            var flow = 0L;
            foreach (var d in deliveries)
            {
                var start = d.Step * StepMicros;
                json.WriteStartObject();
                json.WriteString("name", d.IsTimer ? $"{d.MessageType} (timer)" : d.MessageType);
                json.WriteString("cat", d.IsTimer ? "timer" : "message");
                json.WriteString("ph", "X");
                json.WriteNumber("ts", start);
                json.WriteNumber("dur", SliceMicros);
                json.WriteNumber("pid", Pid);
                json.WriteNumber("tid", tracks[d.Receiver]);
                json.WriteStartObject("args");
                json.WriteNumber("step", d.Step);
                json.WriteString("from", d.Sender);
                json.WriteString("message", d.Text);
                json.WriteNumber("virtualTimeMs", d.Now.TotalMilliseconds);
                json.WriteNumber("sentAtStep", d.SentAtStep);
                json.WriteEndObject();
                json.WriteEndObject();

                if (Origin(d, byStep) is not { } origin)
                {
                    continue;
                }

                flow++;
                var (originPath, originStart, synthetic) = origin;
                if (synthetic)
                {
                    // Sent outside any delivery of the sender (its constructor, say, run after its parent's step): a short slice to start the arrow from.
                    json.WriteStartObject();
                    json.WriteString("name", "send");
                    json.WriteString("cat", "send");
                    json.WriteString("ph", "X");
                    json.WriteNumber("ts", originStart);
                    json.WriteNumber("dur", 10);
                    json.WriteNumber("pid", Pid);
                    json.WriteNumber("tid", tracks[originPath]);
                    json.WriteEndObject();
                }

                FlowEvent(json, "s", flow, tracks[originPath], originStart + (synthetic ? 5 : SliceMicros / 2), d.MessageType);
                FlowEvent(json, "f", flow, tracks[d.Receiver], start + 1, d.MessageType);
            }

            if (failure is not null)
            {
                json.WriteStartObject();
                json.WriteString("name", $"violation: {failure.Monitor}");
                json.WriteString("cat", "violation");
                json.WriteString("ph", "i");
                json.WriteString("s", "g");
                json.WriteNumber("ts", (failure.Step * StepMicros) + SliceMicros);
                json.WriteNumber("pid", Pid);
                json.WriteNumber("tid", 0);
                json.WriteStartObject("args");
                json.WriteString("reason", failure.Reason);
                json.WriteNumber("step", failure.Step);
                json.WriteNumber("virtualTimeMs", failure.At.TotalMilliseconds);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A track per actor path seen (receivers and actor senders), numbered from 1 in path order.</summary>
    private static SortedDictionary<string, int> Tracks(IReadOnlyList<RecordedDelivery> deliveries)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in deliveries)
        {
            paths.Add(d.Receiver);
            if (IsActor(d.Sender))
            {
                paths.Add(d.Sender);
            }

            if (d.TimerSender is { } setter)
            {
                paths.Add(setter);
            }
        }

        var tracks = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            tracks.Add(path, tracks.Count + 1);
        }

        return tracks;
    }

    private static bool IsActor(string sender) => sender is not (Choice.Outside or Choice.TimerSender);

    /// <summary>
    /// Where a delivery's arrow starts: the sender's slice at the send step (sends made while the
    /// driver settles after a step carry the next step's number, hence the step before too), or a
    /// short slice of its own on the sender's track. A timer starts from its receiver's slice that set
    /// it: the actor it names as sender, else its receiver. None for messages from outside.
    /// </summary>
    private static (string Path, long Start, bool Synthetic)? Origin(RecordedDelivery d, Dictionary<long, RecordedDelivery> byStep)
    {
        if (d.SentAtStep < 0 || d.SentAtStep > d.Step)
        {
            return null;
        }

        var origin = d.IsTimer ? d.TimerSender ?? d.Receiver : d.Sender;
        if (!IsActor(origin))
        {
            return null;
        }

        foreach (var step in new[] { d.SentAtStep, d.SentAtStep - 1 })
        {
            if (step >= 0 && step < d.Step && byStep.TryGetValue(step, out var sending) && sending.Receiver == origin)
            {
                return (origin, step * StepMicros, false);
            }
        }

        return d.IsTimer ? null : (origin, Math.Max(0, (d.SentAtStep * StepMicros) - 15), true);
    }

    private static void Metadata(Utf8JsonWriter json, string name, int? tid, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", Pid);
        if (tid is { } thread)
        {
            json.WriteNumber("tid", thread);
        }

        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void FlowEvent(Utf8JsonWriter json, string phase, long id, int tid, long ts, string name)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", "flow");
        json.WriteString("ph", phase);
        json.WriteNumber("id", id);
        json.WriteNumber("pid", Pid);
        json.WriteNumber("tid", tid);
        json.WriteNumber("ts", ts);
        if (phase == "f")
        {
            json.WriteString("bp", "e");
        }

        json.WriteEndObject();
    }
}
