using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>
/// The original's liveness monitor: hot from the start of the nodes until the failure of every one
/// of them has been reported to the driver.
/// </summary>
public sealed class FailuresDetectedMonitor : RunMonitor
{
    public const string Invariant = "failures-detected";

    private readonly List<IActorRef> _undetected = [];

    public override string Name => Invariant;

    public override bool IsHot => _undetected.Count > 0;

    public override string HotReason => $"the failure of {string.Join(", ", _undetected.Select(static n => n.Path.Name))} was never reported";

    public override void OnRunStart() => _undetected.Clear();

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(NodesStarted) || eventType == typeof(FailureReported);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case NodesStarted started:
                _undetected.AddRange(started.Nodes);
                break;
            case FailureReported reported:
                _undetected.Remove(reported.Node);
                break;
        }
    }

    public override void OnRunEnd(RunOutcome outcome)
    {
        if (IsHot)
        {
            Fail(HotReason);
        }
    }
}
