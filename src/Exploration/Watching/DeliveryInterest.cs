using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Watching;

/// <summary>What the watch decided, once, about a delivered message type: which monitors want it, and whether it is an actor timer's wrapper.</summary>
internal sealed class DeliveryInterest(RunMonitor[] monitors, bool isTimer)
{
    public RunMonitor[] Monitors { get; } = monitors;

    public bool IsTimer { get; } = isTimer;
}
