using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: a correct protocol boots. An instance that fails in a run where no fault was
/// injected (<see cref="FaultInjected"/>) and that was not being killed is a violation, however good
/// its reason: a wrong protocol that makes boots fail cleanly, or a guest server that crashes and
/// lets the watchdog fail the boot, would otherwise pass every schedule.
/// </summary>
/// <remarks>
/// Judged under control only: on real threads the boot watchdog counts wall time, and a machine
/// loaded by the soak may let a correct boot overrun it (the soak reports those as failed boots).
/// </remarks>
public sealed class FailureHasCauseMonitor : RunMonitor, IStateDigest
{
    private readonly SortedSet<int> stopping = [];
    private int faults;

    public override string Name => "failure-has-cause";

    public override void OnRunStart()
    {
        stopping.Clear();
        faults = 0;
    }

    public ulong StateDigest() => StableHash.Add(StateDigests.Ordered(stopping, static id => (ulong)id), (ulong)faults);

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(FaultInjected), typeof(ResourcesAllocated), typeof(InstanceStateChanged)]);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case FaultInjected:
                faults++;
                break;
            case InstanceStateChanged { State: InstanceState.Stopping } changed:
                stopping.Add(changed.InstanceId);
                break;
            case ResourcesAllocated allocated:
                // The id is used again: a new instance, not being killed.
                stopping.Remove(allocated.InstanceId);
                break;
            case InstanceStateChanged { State: InstanceState.Failed } failed when faults == 0 && !stopping.Contains(failed.InstanceId):
                Fail($"instance {failed.InstanceId} failed ({failed.Reason}) though no fault was injected and it was not killed: a correct protocol boots");
                break;
        }
    }
}
