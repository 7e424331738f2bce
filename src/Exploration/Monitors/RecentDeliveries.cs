using System.Globalization;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// Keeps a run's last deliveries, to tell the story of a violation: who received what from whom,
/// by path, with the message's type and text. Only references are kept per step; the text is made
/// when asked.
/// </summary>
public sealed class RecentDeliveries(int capacity = 20) : RunMonitor, IStateDigest
{
    /// <summary>Longest message text shown; a record of lists can print for pages.</summary>
    private const int TextLimit = 160;

    private readonly Delivery?[] _ring = new Delivery?[Math.Max(1, capacity)];
    private long _count;

    public override string Name => "recent-deliveries";

    /// <summary>Its record is the story of a failure, never a verdict: no state the future depends on.</summary>
    public ulong StateDigest() => 0;

    public override void OnRunStart()
    {
        Array.Clear(_ring);
        _count = 0;
    }

    public override void OnDelivery(Delivery delivery) => _ring[_count++ % _ring.Length] = delivery;

    /// <summary>The kept deliveries, oldest first, one line each: <c>#step receiver ← sender: Type text</c>.</summary>
    public IReadOnlyList<string> Story()
    {
        var lines = new List<string>();
        var first = Math.Max(0, _count - _ring.Length);
        for (var i = first; i < _count; i++)
        {
            var d = _ring[i % _ring.Length]!;
            var message = DeliveredMessage.Unwrap(d.Message);
            var text = DeliveredMessage.Text(message);
            text = text.Length > TextLimit ? text[..TextLimit] + "…" : text;
            // A record prints its type's name first; other messages get it in front.
            var type = message.GetType().Name;
            var shown = text.StartsWith(type, StringComparison.Ordinal) ? text : $"{type} {text}";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"#{d.Step} @{d.Now.TotalMilliseconds:0.###} ms {d.Receiver}{(d.IsDeadLetter ? " (stopped: a dead letter)" : "")} ← {d.Sender}{(d.IsUnstashed ? " (unstashed)" : "")}: {shown}"));
        }

        return lines;
    }
}
