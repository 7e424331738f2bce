using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>
/// The original's safety monitor: for each node, the pings sent less the pongs it sent never exceed
/// three (a node is declared failed before it owes a fourth answer), and a node never answers more
/// pings than it was sent.
/// </summary>
public sealed class PingCountMonitor : RunMonitor
{
    public const string Invariant = "ping-count";

    private const int MostUnanswered = 3;

    private readonly Dictionary<IActorRef, int> _pending = [];

    public override string Name => Invariant;

    public override void OnRunStart() => _pending.Clear();

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(PingSent) || eventType == typeof(PongSent);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case PingSent ping:
                var pending = _pending.GetValueOrDefault(ping.Node) + 1;
                _pending[ping.Node] = pending;
                if (pending > MostUnanswered)
                {
                    Fail($"{ping.Node.Path.Name} is sent a ping with {pending - 1} unanswered already, more than {MostUnanswered} in all");
                }

                break;
            case PongSent pong:
                if (_pending.GetValueOrDefault(pong.Node) <= 0)
                {
                    Fail($"{pong.Node.Path.Name} answers a ping it was never sent");
                }

                _pending[pong.Node]--;
                break;
        }
    }
}
