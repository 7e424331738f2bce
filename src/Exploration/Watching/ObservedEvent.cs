using ActorHyper.Exploration.Monitors;
using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>A published event on its way to the hub: for the monitors that want it, or to be kept as a notable one (dead letter, unhandled, crash).</summary>
internal sealed class ObservedEvent(object published, RunMonitor[] monitors, long timestamp) : HubRecord, IDeadLetterSuppression
{
    public object Published { get; } = published;

    public RunMonitor[] Monitors { get; } = monitors;

    public long Timestamp { get; } = timestamp;
}
