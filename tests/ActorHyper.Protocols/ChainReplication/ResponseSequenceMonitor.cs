using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>
/// A query the tail answers gets the value of the last update a tail answered for that key (both
/// counted only while the tail answering is in the master's chain, as in the original).
/// </summary>
public sealed class ResponseSequenceMonitor : RunMonitor
{
    public const string Invariant = "response-sequence";

    private readonly Dictionary<int, int> _lastUpdate = [];
    private IReadOnlyList<IActorRef> _servers = [];

    public override string Name => Invariant;

    public override void OnRunStart()
    {
        _lastUpdate.Clear();
        _servers = [];
    }

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) =>
        eventType == typeof(ChainChanged) || eventType == typeof(UpdateAnswered) || eventType == typeof(QueryAnswered);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case ChainChanged changed:
                _servers = changed.Servers;
                break;
            case UpdateAnswered update when _servers.Contains(update.Tail):
                _lastUpdate[update.Key] = update.Value;
                break;
            case QueryAnswered query when _servers.Contains(query.Tail):
                if (!_lastUpdate.TryGetValue(query.Key, out var last))
                {
                    Fail($"{query.Tail.Path.Name} answered key {query.Key} with {query.Value}, an update of it no tail has answered");
                }
                else if (query.Value != last)
                {
                    Fail($"{query.Tail.Path.Name} answered key {query.Key} with {query.Value}, but the last update answered wrote {last}");
                }

                break;
        }
    }
}
