using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: an instance is marked Running only after its guest reported itself up (every
/// processor idles and the boot core writes the Running mailbox: <see cref="GuestRunning"/>), since
/// its latest allocation: a Running mark from a stale mailbox write, or from a previous instance of
/// the same id, is a hypervisor that believes a guest that never said so.
/// </summary>
public sealed class RunningAfterGuestUpMonitor : RunMonitor, IStateDigest
{
    private readonly SortedSet<int> up = [];

    public override string Name => "running-after-guest-up";

    public override void OnRunStart() => up.Clear();

    public ulong StateDigest() => StateDigests.Ordered(up, static id => (ulong)id);

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(ResourcesAllocated), typeof(GuestRunning), typeof(InstanceStateChanged)]);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case ResourcesAllocated allocated:
                up.Remove(allocated.InstanceId);
                break;
            case GuestRunning running:
                up.Add(running.InstanceId);
                break;
            case InstanceStateChanged { State: InstanceState.Running } changed when !up.Contains(changed.InstanceId):
                Fail($"instance {changed.InstanceId} was marked Running (from {changed.Previous}) before its guest reported itself up");
                break;
        }
    }
}
