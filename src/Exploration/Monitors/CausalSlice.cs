using System.Diagnostics;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// One delivery as the slice sees it: who took it, the step it follows from (−1: none known), whether
/// the step left the default order, and what makes deliveries alike (sender and message type: a run
/// of alike deliveries is told in one line).
/// </summary>
public readonly record struct SliceStep(string Receiver, long CauseStep, bool IsDeviation, string Kind = "")
{
    /// <summary>
    /// The <see cref="Kind"/> of a delivery from <paramref name="sender"/> of a message of type
    /// <paramref name="messageType"/>, a dead letter or not: stories and exports group alike.
    /// </summary>
    public static string KindOf(string sender, string messageType, bool isDeadLetter) => sender + "|" + messageType + (isDeadLetter ? "|dead" : "");
}

/// <summary>
/// A line of a screenful: <see cref="Count"/> consecutive deliveries of the history from
/// <see cref="First"/> to <see cref="Last"/> (one, or a run of alike ones), after
/// <see cref="Skipped"/> deliveries of the history that are not shown.
/// </summary>
public readonly record struct SliceLine(long First, long Last, int Count, int Skipped);

/// <summary>A screenful of a delivery's history: the whole history's steps, the steps shown, and the lines they make.</summary>
public sealed record Screenful(IReadOnlyList<long> History, IReadOnlyList<long> Shown, IReadOnlyList<SliceLine> Lines)
{
    /// <summary>Lines a reader sees: one per <see cref="SliceLine"/>, and one more for each gap before one.</summary>
    public int LineCount => Lines.Count + Lines.Count(static l => l.Skipped > 0);
}

/// <summary>
/// The causal history of one delivery (its target) in a run: every delivery that happened before it,
/// following two kinds of edge back in time — a message's send (the delivery whose handler sent it)
/// and an actor's own previous delivery. A delivery outside it could have gone any other way and the
/// target would have happened alike, so the history is where a violation's cause is; and since the
/// deviations from the default order are what made the run unlike the default one, the slice keeps
/// those in it first. <see cref="Select"/> cuts it to a screenful.
/// </summary>
public static class CausalSlice
{
    /// <summary>
    /// The steps in the causal history of <paramref name="target"/> (itself included), ascending.
    /// <paramref name="steps"/> is indexed by step; null where a step delivered nothing.
    /// </summary>
    public static IReadOnlyList<long> History(IReadOnlyList<SliceStep?> steps, long target) => StepsOf(PastOf(steps, target));

    /// <summary>The steps marked in <paramref name="past"/>, ascending.</summary>
    private static List<long> StepsOf(bool[] past)
    {
        var history = new List<long>();
        for (var s = 0; s < past.Length; s++)
        {
            if (past[s])
            {
                history.Add(s);
            }
        }

        return history;
    }

    /// <summary>
    /// At most <paramref name="limit"/> steps of the history of <paramref name="target"/>, ascending,
    /// chosen in this order until the limit: the target; the chain of sends that led to its message
    /// (newest first, a third of the limit at most); the deviations in the history, newest first (a
    /// third at most), each with the send of the message it took out of order; the earlier deliveries
    /// of the two actors the target involves (its receiver and its sender), newest first; the rest of
    /// the history, newest first.
    /// </summary>
    public static IReadOnlyList<long> Select(IReadOnlyList<SliceStep?> steps, long target, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Select(steps, target, limit, PastOf(steps, target));
    }

    /// <summary><see cref="Select"/> with the target's history already found (<see cref="PastOf"/>).</summary>
    private static List<long> Select(IReadOnlyList<SliceStep?> steps, long target, int limit, bool[] past)
    {
        var chosen = new HashSet<long>();
        bool Take(long step)
        {
            if (chosen.Count >= limit)
            {
                return false;
            }

            Debug.Assert(step <= target && past[step], "only the target's history is shown");
            chosen.Add(step);
            return true;
        }

        Take(target);
        var third = Math.Max(1, limit / 3);
        var link = SendOf(steps, target);
        for (var n = 0; link >= 0 && n < third && Take(link); n++)
        {
            link = SendOf(steps, link);
        }

        var deviations = 0;
        for (var s = target - 1; s >= 0 && deviations < third; s--)
        {
            if (past[s] && steps[(int)s] is { IsDeviation: true } && !chosen.Contains(s))
            {
                deviations++;
                Take(s);
                if (SendOf(steps, s) is var send and >= 0)
                {
                    Take(send);
                }
            }
        }

        // The actors the target involves: its receiver, and the sender (the receiver of the step that sent it).
        var receiver = steps[(int)target]!.Value.Receiver;
        var sender = SendOf(steps, target) is var cause and >= 0 ? steps[(int)cause]!.Value.Receiver : receiver;
        for (var s = target - 1; s >= 0 && chosen.Count < limit; s--)
        {
            if (past[s] && steps[(int)s]!.Value.Receiver is var at
                && (string.Equals(at, receiver, StringComparison.Ordinal) || string.Equals(at, sender, StringComparison.Ordinal)))
            {
                Take(s);
            }
        }

        for (var s = target - 1; s >= 0 && chosen.Count < limit; s--)
        {
            if (past[s])
            {
                Take(s);
            }
        }

        return [.. chosen.Order()];
    }

    /// <summary>
    /// The history of <paramref name="target"/> cut to at most <paramref name="lines"/> lines (gap lines
    /// included): about as many deliveries (<see cref="Select"/>) as fit, found by bisection, since runs
    /// of alike deliveries take one line and gaps one more. The target alone is shown whatever the room.
    /// </summary>
    public static Screenful Screen(IReadOnlyList<SliceStep?> steps, long target, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lines);
        // The history is found once; each cut of the bisection only chooses within it.
        var past = PastOf(steps, target);
        var history = StepsOf(past);
        Screenful Cut(int take)
        {
            var shown = Select(steps, target, take, past);
            return new Screenful(history, shown, Group(steps, history, shown));
        }

        // Lines mostly grow with deliveries (not always: a filled gap can join two runs), so bisection
        // finds a take that fits, near the largest; every screen it keeps fits.
        var best = Cut(1);
        var (low, high) = (2, history.Count);
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var screen = Cut(mid);
            if (screen.LineCount <= lines)
            {
                best = screen;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return best;
    }

    /// <summary>The shown steps as lines: consecutive in the history, alike, and no deviation among them make one line.</summary>
    private static List<SliceLine> Group(IReadOnlyList<SliceStep?> steps, IReadOnlyList<long> history, IReadOnlyList<long> shown)
    {
        var lines = new List<SliceLine>();
        var at = 0;
        for (var i = 0; i < shown.Count;)
        {
            var skipped = 0;
            while (at < history.Count && history[at] < shown[i])
            {
                skipped++;
                at++;
            }

            var first = steps[(int)shown[i]]!.Value;
            var end = i + 1;
            at++;
            while (!first.IsDeviation && end < shown.Count && at < history.Count && history[at] == shown[end]
                   && steps[(int)shown[end]]!.Value is var next && !next.IsDeviation
                   && string.Equals(next.Receiver, first.Receiver, StringComparison.Ordinal) && string.Equals(next.Kind, first.Kind, StringComparison.Ordinal))
            {
                end++;
                at++;
            }

            lines.Add(new SliceLine(shown[i], shown[end - 1], end - i, skipped));
            i = end;
        }

        return lines;
    }

    /// <summary>The step whose handler sent <paramref name="step"/>'s message, if it is an earlier step that delivered something; else −1.</summary>
    private static long SendOf(IReadOnlyList<SliceStep?> steps, long step)
    {
        var sent = steps[(int)step]!.Value.CauseStep;
        return sent >= 0 && sent < step && steps[(int)sent] is not null ? sent : -1;
    }

    /// <summary>One sweep back from the target: a step is in the past if a later step in it sent to it or was its actor's next delivery.</summary>
    private static bool[] PastOf(IReadOnlyList<SliceStep?> steps, long target)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        if (target >= steps.Count || steps[(int)target] is null)
        {
            throw new ArgumentException($"step {target} delivered nothing", nameof(target));
        }

        // Each step's receiver's previous delivery, found going forward once.
        var previous = new long[target + 1];
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var s = 0; s <= target; s++)
        {
            previous[s] = -1;
            if (steps[s] is { } step)
            {
                previous[s] = last.TryGetValue(step.Receiver, out var before) ? before : -1;
                last[step.Receiver] = s;
            }
        }

        var past = new bool[target + 1];
        past[target] = true;
        for (var s = target; s >= 0; s--)
        {
            if (!past[s])
            {
                continue;
            }

            if (SendOf(steps, s) is var send and >= 0)
            {
                past[send] = true;
            }

            if (previous[s] >= 0)
            {
                past[previous[s]] = true;
            }
        }

        return past;
    }
}
