using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// The property: the robot always gets its answers and serves its client. Hot (something is owed
/// to the robot) from its request to a navigator until it has served, or dropped the request for a
/// new navigator to restart; a run that ends while hot, nothing left to happen, is the liveness
/// violation the original's monitor reports at the end of the program. A run still hot after
/// <see cref="RobotNavigatorProtocol"/>'s hot limits fails too, though no served order takes long.
/// </summary>
public sealed class LivenessMonitor : RunMonitor
{
    public const string Invariant = "robot-serves-its-client";

    private bool _busy;

    public override string Name => Invariant;

    public override bool IsHot => _busy;

    public override string HotReason => "the robot is waiting for its navigator and will never serve its client";

    public override void OnRunStart() => _busy = false;

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(RobotBusy) || eventType == typeof(RobotIdle);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case RobotBusy:
                _busy = true;
                break;
            case RobotIdle:
                _busy = false;
                break;
        }
    }

    public override void OnRunEnd(RunOutcome outcome)
    {
        // Only a run that ended of itself proves nothing more will come; a cut run is judged by the hot limits.
        if (outcome == RunOutcome.Quiescent && _busy)
        {
            Fail($"liveness: the run ended with the robot busy: {HotReason}");
        }
    }
}
