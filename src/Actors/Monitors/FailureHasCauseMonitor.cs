using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: a correct protocol boots. An instance that fails in a run where no fault was
/// injected (<see cref="FaultInjected"/>) and that was not being killed is a violation, however good
/// its reason: a wrong protocol that makes boots fail cleanly, or a guest server that crashes and
/// lets the watchdog fail the boot, would otherwise pass every schedule. Judged at the run's end,
/// after <c>liveness</c>: a boot the watchdog failed because a wake-up was lost is named by the
/// lost wake-up, which says more than the watchdog's reason.
/// </summary>
/// <remarks>
/// Judged under control only: on real threads the boot watchdog counts wall time, and a machine
/// loaded by the soak may let a correct boot overrun it (the soak reports those as failed boots).
/// </remarks>
public sealed class FailureHasCauseMonitor : RunMonitor, IStateDigest
{
    private readonly SortedSet<int> stopping = [];
    private readonly List<InstanceStateChanged> unexplained = [];
    private int faults;

    public override string Name => "failure-has-cause";

    public override void OnRunStart()
    {
        stopping.Clear();
        unexplained.Clear();
        faults = 0;
    }

    public ulong StateDigest() => StableHash.Add(StableHash.Add(StateDigests.Ordered(stopping, static id => (ulong)id), (ulong)faults),
        StateDigests.Ordered(unexplained, static failed => MessageDigest.Of(failed)));

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
                unexplained.Add(failed);
                break;
        }
    }

    public override void OnRunEnd(RunOutcome outcome)
    {
        // A fault injected after the failure explains nothing: the list was made as the failures came.
        if (unexplained.Count > 0)
        {
            Fail(string.Join("; ", unexplained.Select(static failed =>
                $"instance {failed.InstanceId} failed at {failed.At.TotalMilliseconds:0.###} ms ({failed.Reason}) though no fault was injected and it was not killed")) +
                ": a correct protocol boots");
        }
    }
}
