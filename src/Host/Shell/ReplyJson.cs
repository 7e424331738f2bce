using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Host.Shell;

/// <summary>
/// A shell reply as one line of JSON: <c>command</c>, then either <c>error</c> or the answer's
/// fields (<c>instance</c>, <c>instances</c>, <c>clusters</c>, <c>lines</c>, <c>help</c>).
/// </summary>
public static class ReplyJson
{
    // Output for a terminal or a pipe, not for HTML: keep quotes and apostrophes readable.
    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(ShellReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("command", reply.Command);
            if (reply.Answer is { } answer)
            {
                WriteAnswer(json, answer);
            }
            else
            {
                json.WriteString("error", reply.Error);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteAnswer(Utf8JsonWriter json, ShellAnswer answer)
    {
        switch (answer)
        {
            case InstanceLaunched launched:
                json.WritePropertyName("instance");
                WriteInstance(json, launched.Instance);
                break;
            case InstanceStopped stopped:
                json.WritePropertyName("instance");
                WriteInstance(json, stopped.Instance);
                break;
            case InstanceTable table:
                json.WriteStartArray("instances");
                foreach (var instance in table.Instances)
                {
                    WriteInstance(json, instance);
                }

                json.WriteEndArray();
                break;
            case ClusterMap map:
                json.WriteStartArray("clusters");
                foreach (var cluster in map.Clusters)
                {
                    json.WriteStartObject();
                    json.WriteNumber("x", cluster.Cluster.X);
                    json.WriteNumber("y", cluster.Cluster.Y);
                    WriteOwner(json, cluster.Owner);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            case TtyLines tty:
                json.WriteNumber("instance", tty.InstanceId);
                json.WriteNumber("channel", tty.Channel);
                json.WriteNumber("subchannel", tty.SubChannel);
                WriteStrings(json, "lines", tty.Lines);
                break;
            case HelpText help:
                WriteStrings(json, "help", help.Lines);
                break;
            case InstanceTimeline timeline:
                json.WriteNumber("instance", timeline.InstanceId);
                json.WriteString("state", timeline.State.ToString());
                WriteSteps(json, timeline.Steps, withDetail: false);
                break;
            case InstanceDetails details:
                json.WritePropertyName("instance");
                WriteInstance(json, details.Instance);
                WriteSteps(json, details.Steps, withDetail: true);
                json.WriteStartArray("cores");
                foreach (var core in details.Cores)
                {
                    json.WriteStartObject();
                    json.WriteString("core", core.Core.ToString());
                    json.WriteString("state", core.Status.State.ToString());
                    json.WriteString("status", core.Status.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("hat", details.HatTable);
                break;
            case FrameShown frame:
                json.WriteNumber("instance", frame.InstanceId);
                json.WriteNumber("channel", frame.Channel);
                json.WriteNumber("width", frame.Width);
                json.WriteNumber("height", frame.Height);
                json.WriteStartArray("fills");
                foreach (var fill in frame.Fills)
                {
                    json.WriteStartObject();
                    json.WriteNumber("x", fill.X);
                    json.WriteNumber("y", fill.Y);
                    json.WriteNumber("width", fill.Width);
                    json.WriteNumber("height", fill.Height);
                    json.WriteString("color", fill.Color.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"no JSON for {answer.GetType().Name}", nameof(answer));
        }
    }

    /// <summary><c>id</c>, <c>state</c>, <c>clusters</c> as [x, y] pairs, the channels and cores; <c>failedStep</c> and <c>reason</c> once failed.</summary>
    private static void WriteInstance(Utf8JsonWriter json, InstanceInfo instance)
    {
        json.WriteStartObject();
        json.WriteNumber("id", instance.Id);
        json.WriteString("state", instance.State.ToString());
        json.WriteStartArray("clusters");
        foreach (var cluster in instance.Clusters)
        {
            json.WriteStartArray();
            json.WriteNumberValue(cluster.X);
            json.WriteNumberValue(cluster.Y);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteNumber("ioc", instance.Ioc);
        json.WriteNumber("tty", instance.Tty);
        json.WriteNumber("fb", instance.Fb);
        json.WriteNumber("cores", instance.Cores);
        if (instance.State == InstanceState.Failed || instance.FailureReason is not null)
        {
            json.WriteString("failedStep", instance.FailedStep?.ToString());
            json.WriteString("reason", instance.FailureReason);
        }

        json.WriteEndObject();
    }

    /// <summary><c>steps</c>: each <c>{"step", "atMs"}</c> (system time in milliseconds: virtual when controlled), with <c>detail</c> for <c>info</c>.</summary>
    private static void WriteSteps(Utf8JsonWriter json, IEnumerable<StepRecord> steps, bool withDetail)
    {
        json.WriteStartArray("steps");
        foreach (var step in steps)
        {
            json.WriteStartObject();
            json.WriteString("step", step.Step.ToString());
            json.WriteNumber("atMs", step.At.TotalMilliseconds);
            if (withDetail)
            {
                json.WriteString("detail", step.Detail);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOwner(Utf8JsonWriter json, ClusterOwner owner)
    {
        switch (owner.Kind)
        {
            case OwnerKind.Hypervisor:
                json.WriteString("owner", "hypervisor");
                break;
            case OwnerKind.Free:
                json.WriteString("owner", "free");
                break;
            default:
                json.WriteNumber("owner", owner.InstanceId);
                break;
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> lines)
    {
        json.WriteStartArray(name);
        foreach (var line in lines)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
    }
}
