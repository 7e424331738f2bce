using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>
/// Chain replication's update propagation invariants, over the chain the master currently has: every
/// server's history of sequence numbers is strictly increasing; a server's history is a prefix of its
/// predecessor's (number by number, as far as both go); and a server's history is its successor's
/// followed by what it has sent and not yet seen acknowledged. Only servers that are not the tail tell
/// their history and sent list, as in the original.
/// </summary>
public sealed class UpdatePropagationMonitor : RunMonitor
{
    public const string Invariant = "update-propagation";

    private readonly Dictionary<IActorRef, IReadOnlyList<int>> _history = [];
    private readonly Dictionary<IActorRef, IReadOnlyList<int>> _sent = [];
    private IReadOnlyList<IActorRef> _servers = [];

    public override string Name => Invariant;

    public override void OnRunStart()
    {
        _history.Clear();
        _sent.Clear();
        _servers = [];
    }

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) =>
        eventType == typeof(ChainChanged) || eventType == typeof(HistoryReported) || eventType == typeof(SentReported);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case ChainChanged changed:
                _servers = changed.Servers;
                break;
            case HistoryReported reported:
                OnHistory(reported.Server, reported.History);
                break;
            case SentReported reported:
                OnSent(reported.Server, reported.Sent);
                break;
        }
    }

    private void OnHistory(IActorRef server, IReadOnlyList<int> history)
    {
        Sorted(history, $"the history of {server.Path.Name}");
        _history[server] = history;
        if (Next(server) is { } next && _history.TryGetValue(next, out var nextHistory))
        {
            AtMost(nextHistory, next, history, server);
        }

        if (Previous(server) is { } previous && _history.TryGetValue(previous, out var previousHistory))
        {
            AtMost(history, server, previousHistory, previous);
        }
    }

    private void OnSent(IActorRef server, IReadOnlyList<int> sent)
    {
        Sorted(sent, $"the sent list of {server.Path.Name}");
        _sent[server] = sent;
        if (Next(server) is { } next && _history.TryGetValue(next, out var nextHistory) && _history.TryGetValue(server, out var history))
        {
            Equal(history, server, Merge(nextHistory, sent), next);
        }

        if (Previous(server) is { } previous && _history.TryGetValue(previous, out var previousHistory)
            && _history.TryGetValue(server, out var own) && _sent.TryGetValue(previous, out var previousSent))
        {
            Equal(previousHistory, previous, Merge(own, previousSent), server);
        }
    }

    private IActorRef? Next(IActorRef server)
    {
        var index = IndexOf(server);
        return index >= 0 && index + 1 < _servers.Count ? _servers[index + 1] : null;
    }

    private IActorRef? Previous(IActorRef server) => IndexOf(server) is > 0 and var index ? _servers[index - 1] : null;

    private int IndexOf(IActorRef server)
    {
        for (var i = 0; i < _servers.Count; i++)
        {
            if (_servers[i].Equals(server))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The successor's history up to the first number still unacknowledged, then the unacknowledged numbers.</summary>
    private static List<int> Merge(IReadOnlyList<int> successorHistory, IReadOnlyList<int> sent) =>
        sent.Count == 0 ? [.. successorHistory] : [.. successorHistory.Where(seq => seq < sent[0]), .. sent];

    private static void Sorted(IReadOnlyList<int> seqs, string what)
    {
        for (var i = 0; i + 1 < seqs.Count; i++)
        {
            if (seqs[i] >= seqs[i + 1])
            {
                Fail($"{what} is not sorted: {Show(seqs)}");
            }
        }
    }

    /// <summary>Number by number, the later server's history never runs ahead of the earlier one's.</summary>
    private static void AtMost(IReadOnlyList<int> later, IActorRef laterServer, IReadOnlyList<int> earlier, IActorRef earlierServer)
    {
        for (var i = 0; i < Math.Min(later.Count, earlier.Count); i++)
        {
            if (later[i] > earlier[i])
            {
                Fail($"the history of {laterServer.Path.Name} {Show(later)} runs ahead of its predecessor {earlierServer.Path.Name}'s {Show(earlier)}");
            }
        }
    }

    private static void Equal(IReadOnlyList<int> history, IActorRef server, IReadOnlyList<int> merged, IActorRef successor)
    {
        Sorted(merged, $"{successor.Path.Name}'s history and {server.Path.Name}'s sent list");
        for (var i = 0; i < Math.Min(history.Count, merged.Count); i++)
        {
            if (history[i] != merged[i])
            {
                Fail($"the history of {server.Path.Name} {Show(history)} is not its successor {successor.Path.Name}'s history and its own sent list {Show(merged)}");
            }
        }
    }

    private static string Show(IReadOnlyList<int> seqs) => "[" + string.Join(", ", seqs) + "]";
}
