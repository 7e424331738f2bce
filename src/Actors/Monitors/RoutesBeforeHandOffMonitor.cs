using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Interrupts;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: the instance's interrupt routes and masks are in place before the hand-off IPI, and
/// an interrupt no route carries is a violation. At the hand-off (the hypervisor's IPI to P0 of the
/// instance's cluster 0) every route the instance needs must be in the IOPIC and its mailbox enabled
/// into the boot core's line; a device interrupt the IOPIC drops for want of a route fails at once.
/// </summary>
public sealed class RoutesBeforeHandOffMonitor(MachineSpec spec) : RunMonitor, IStateDigest
{
    private readonly XicuLayout layout = XicuLayout.For(spec);
    private readonly InstanceBook instances = new();
    private readonly HashSet<IopicRoute> routes = [];
    private readonly XicuMaskBook masks = new();

    public override string Name => "routes-before-hand-off";

    public ulong StateDigest() =>
        StableHash.Add(StableHash.Add(instances.Digest(), StateDigests.Unordered(routes, static route => MessageDigest.Of(route))), masks.Digest());

    public override void OnRunStart()
    {
        instances.Clear();
        routes.Clear();
        masks.Clear();
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(InterruptRouted), typeof(InterruptUnrouted), typeof(InterruptRaised), typeof(IpiSent)], XicuMaskBook.Events, InstanceBook.Events);

    public override void OnEvent(object published)
    {
        masks.Observe(published);
        switch (published)
        {
            case InterruptRouted routed:
                routes.Add(routed.Route);
                break;
            case InterruptUnrouted unrouted:
                routes.Remove(unrouted.Route);
                break;
            case InterruptRaised { Target: null } dropped:
                Fail($"{dropped.Source} raised 0x{dropped.Value:X8} and no route carries it: the interrupt is lost");
                break;
            case IpiSent sent when sent.Writer == UnitId.Core(CoreId.MachineBootCore) && sent.Value == HatActivationProgram.HandOffValue:
                CheckHandOff(sent);
                break;
        }
        instances.Observe(published);
    }

    private void CheckHandOff(IpiSent sent)
    {
        if (sent.Mailbox.Slot != layout.IpiSlot(0) ||
            instances.Live.FirstOrDefault(allocation => allocation.BootCluster == sent.Mailbox.Cluster) is not { } instance)
        {
            return;
        }
        foreach (var route in IopicTable.InstanceRoutes(instance, layout))
        {
            if (!routes.Contains(route))
            {
                Fail($"the hypervisor sent instance {instance.InstanceId}'s hand-off IPI to {sent.Mailbox} before the route " +
                     $"{route.Source} -> {route.Target} was in the IOPIC");
            }
            if (!masks.IsEnabled(route.Target.Cluster, 0, route.Target.Slot))
            {
                Fail($"the hypervisor sent instance {instance.InstanceId}'s hand-off IPI to {sent.Mailbox} before {route.Target} " +
                     $"({route.Source}) was enabled into the boot core's line");
            }
        }
    }
}
