using System.Globalization;
using System.Text;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Export;

/// <summary>
/// A recorded run as a Mermaid <c>sequenceDiagram</c>: a participant per actor in order of first
/// appearance, named by the shortest end of its path that tells it from the others; one arrow per
/// delivery, sender to receiver (a timer from the actor it names as sender, else from its receiver to itself; messages from outside from
/// <c>outside</c>), labelled with the step and the message; the violation as a note at its step.
/// </summary>
public static class MermaidSequence
{
    /// <summary>Longest message text on an arrow.</summary>
    private const int TextLimit = 80;

    public static string Of(IReadOnlyList<RecordedDelivery> deliveries, RunFailure? failure, string title)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in deliveries)
        {
            foreach (var path in new[] { From(d), d.Receiver })
            {
                if (seen.Add(path))
                {
                    order.Add(path);
                }
            }
        }

        var names = ShortNames(order);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.AppendLine("sequenceDiagram");
        text.Append("    %% ").AppendLine(Escape(title));
        for (var i = 0; i < order.Count; i++)
        {
            ids[order[i]] = string.Create(CultureInfo.InvariantCulture, $"p{i + 1}");
            text.Append(CultureInfo.InvariantCulture, $"    participant {ids[order[i]]} as {Escape(names[order[i]])}").AppendLine();
        }

        var noted = failure is null;
        foreach (var d in deliveries)
        {
            if (!noted && d.Step > failure!.Step)
            {
                Note(text, failure, ids[d.Receiver]);
                noted = true;
            }

            var label = d.Text.Length > TextLimit ? d.Text[..TextLimit] + "…" : d.Text;
            label = label.StartsWith(d.MessageType, StringComparison.Ordinal) ? label : $"{d.MessageType} {label}";
            text.Append(CultureInfo.InvariantCulture,
                $"    {ids[From(d)]}->>{ids[d.Receiver]}: {d.Step}{(d.IsTimer ? " (timer)" : "")} {Escape(label)}").AppendLine();
            if (!noted && d.Step == failure!.Step)
            {
                Note(text, failure, ids[d.Receiver]);
                noted = true;
            }
        }

        if (!noted && order.Count > 0)
        {
            // A violation judged at the end of the run (liveness): over every participant.
            Note(text, failure!, order.Count == 1 ? ids[order[0]] : $"{ids[order[0]]},{ids[order[^1]]}");
        }

        return text.ToString();
    }

    /// <summary>Who an arrow starts from: the sender; for a timer the actor it names as sender, else its receiver; or <c>outside</c>.</summary>
    private static string From(RecordedDelivery d) => d.IsTimer || d.Sender == Choice.TimerSender ? d.TimerSender ?? d.Receiver : d.Sender;

    private static void Note(StringBuilder text, RunFailure failure, string over) =>
        text.Append(CultureInfo.InvariantCulture, $"    Note over {over}: violation {Escape(failure.Monitor)} at step {failure.Step}: {Escape(failure.Reason)}").AppendLine();

    /// <summary>Each path's shortest ending (by whole segments) that no other path shares.</summary>
    internal static Dictionary<string, string> ShortNames(IReadOnlyList<string> paths)
    {
        var segments = paths.ToDictionary(static p => p, static p => p.Split('/', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var own = segments[path];
            var name = path;
            for (var take = 1; take <= own.Length; take++)
            {
                var ending = string.Join('/', own[^take..]);
                if (!paths.Any(other => other != path && EndsWith(segments[other], own[^take..])))
                {
                    name = ending;
                    break;
                }
            }

            names[path] = name.Length == 0 ? path : name;
        }

        return names;
    }

    private static bool EndsWith(string[] path, string[] ending) =>
        path.Length >= ending.Length && path.AsSpan(path.Length - ending.Length).SequenceEqual(ending);

    /// <summary>Mermaid reads <c>;</c> and <c>#</c> itself and drops what looks like markup: they are written as its entity codes; a line break as a space.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                ';' => "#59;",
                '<' => "#lt;",
                '>' => "#gt;",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
