using ActorHyper.Actors.Events;
using ActorHyper.Actors.Monitors;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Faults;
using ActorHyper.Hardware.Resources;
using ActorHyper.Exploration.Monitors;
using static ActorHyper.Actors.Hypervisor.InstanceState;
using static ActorHyper.Actors.Tests.Monitors.Facts;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>
/// The rules for the rules (a correct protocol boots; Running only after the guest said so; every
/// pool conserved at every release), each fed a hand-made bad sequence that it names, and the good
/// sequence beside it that passes.
/// </summary>
public sealed class MachineRuleMonitorTests
{
    private static readonly Allocation Six = Allocation(6, 0, C(0, 1), C(0, 2));
    private const RunOutcome Quiescent = RunOutcome.Quiescent;

    private static readonly Allocation Two = Allocation(2, 1, C(0, 3), C(1, 0));

    [Fact]
    public void Pools_conserved_passes_a_correct_release_and_names_a_channel_kept_by_the_released_instance()
    {
        NoViolation(new PoolsConservedMonitor(Spec), Allocated(Six), Allocated(Two), Released(Six, Two), StateChanged(6, Stopping, Stopped));

        var kept = Released(Six, Two);
        var ttyKept = kept with { Pools = kept.Pools with { TtyOwners = kept.Pools.TtyOwners.Select((owner, channel) => channel == 0 ? 6 : owner).ToValueList() } };
        Assert.Contains("TTY channel 0 is owned by instance 6, which was stopped and released it",
            Violation(new PoolsConservedMonitor(Spec), Allocated(Six), Allocated(Two), ttyKept), StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_conserved_names_a_live_instances_channel_marked_free_and_a_cluster_of_nobody_live()
    {
        var lost = Released(Six, Two);
        var iocFree = lost with { Pools = lost.Pools with { IocOwners = lost.Pools.IocOwners.Select(owner => owner == 2 ? null : owner).ToValueList() } };
        Assert.Contains("IOC channel 2 of live instance 2 is not marked as its",
            Violation(new PoolsConservedMonitor(Spec), Allocated(Six), Allocated(Two), iocFree), StringComparison.Ordinal);

        var stray = Released(Six, Two, Allocation(9, 2, C(3, 3)));
        Assert.Contains("cluster (3,3) is owned by instance 9, which was never allocated",
            Violation(new PoolsConservedMonitor(Spec), Allocated(Six), Allocated(Two), stray), StringComparison.Ordinal);
    }

    [Fact]
    public void Pools_conserved_names_an_instance_stopped_without_returning_what_it_holds()
    {
        Assert.Contains("instance 6 is Stopped but never returned",
            Violation(new PoolsConservedMonitor(Spec), Allocated(Six), StateChanged(6, Stopping, Stopped)), StringComparison.Ordinal);
    }

    [Fact]
    public void Running_after_guest_up_names_a_running_mark_the_guest_never_gave_even_a_previous_instances()
    {
        var guestUp = new GuestRunning(At, Shell, 6);
        NoViolation(new RunningAfterGuestUpMonitor(), Allocated(Six), guestUp, StateChanged(6, Booting, Running));

        Assert.Contains("instance 6 was marked Running (from Booting) before its guest reported itself up",
            Violation(new RunningAfterGuestUpMonitor(), Allocated(Six), StateChanged(6, Booting, Running)), StringComparison.Ordinal);
        // The guest that said so was the previous instance 6: the new one has not.
        Assert.Contains("before its guest reported itself up",
            Violation(new RunningAfterGuestUpMonitor(), Allocated(Six), guestUp, Released(Six), Allocated(Six), StateChanged(6, Booting, Running)), StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_has_cause_names_a_clean_failure_with_nothing_injected_and_no_kill()
    {
        var failed = StateChanged(6, Booting, Failed, "boot overdue");
        Assert.Contains("instance 6 failed at 0 ms (boot overdue) though no fault was injected and it was not killed",
            Violation(new FailureHasCauseMonitor(), Allocated(Six), failed, Quiescent), StringComparison.Ordinal);

        var fault = new FaultInjected(At, Shell, new InjectedFault(FaultKind.IpiLost, "ipi", 1, TimeSpan.Zero));
        NoViolation(new FailureHasCauseMonitor(), Allocated(Six), fault, failed, Quiescent);
        NoViolation(new FailureHasCauseMonitor(), Allocated(Six), StateChanged(6, Booting, Stopping), StateChanged(6, Stopping, Failed, "a core faulted on its way back"), Quiescent);
        // A kill of the previous instance 6 excuses nothing of the next one.
        Assert.Contains("instance 6 failed",
            Violation(new FailureHasCauseMonitor(), Allocated(Six), StateChanged(6, Booting, Stopping), Released(Six), Allocated(Six), failed, Quiescent), StringComparison.Ordinal);
    }
}
