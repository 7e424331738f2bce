using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// The Off++ boot-order rules on real threads: the concurrent boot-order monitor actor
/// (<see cref="Guest.BootOrderMonitor"/>) publishes each rule a guest breaks as
/// <see cref="GuestRuleViolated"/>; this fails there, as <see cref="BootOrderRunMonitor"/> does
/// under control.
/// </summary>
public sealed class GuestRuleMonitor : RunMonitor
{
    public override string Name => "boot-order";

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(GuestRuleViolated);

    public override void OnEvent(object published)
    {
        if (published is GuestRuleViolated broken)
        {
            Fail($"instance {broken.InstanceId}: {broken.Message}");
        }
    }
}
