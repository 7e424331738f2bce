using ActorHyper.Exploration.Monitors;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// The monitors of DESIGN.md §7 a controlled run of the hypervisor gets (the Off++ boot-order monitor
/// is started with the guest). Listed in the order of the rules; where one step breaks two rules,
/// the earlier one in this list names it.
/// </summary>
public static class InvariantMonitors
{
    public static IReadOnlyList<RunMonitor> For(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var codeInPlace = new CodeInPlaceMonitor();
        return
        [
            new SingleOwnerMonitor(),
            new FbMatchesTtyMonitor(),
            new HatConfiguredBeforeActivationMonitor(spec),
            codeInPlace,
            new TranslationIsolationMonitor(),
            new HatBeforeIpiMonitor(),
            new MailboxOverwriteMonitor(),
            new RoutesBeforeHandOffMonitor(spec),
            new IocCompletionBeforeKernelMonitor(spec),
            // One image of memory for both monitors that need it, kept by the first.
            new PooledClusterMonitor(spec, codeInPlace.Memory),
            new PoolsConservedMonitor(spec),
            new RunningAfterGuestUpMonitor(),
            new LivenessMonitor(spec),
            new FailureHasCauseMonitor(),
        ];
    }

    /// <summary>
    /// The monitors that judge a machine on real threads (a soak): every safety rule of
    /// <see cref="For"/>, seen in an order consistent with causality, and the Off++ rules as the
    /// concurrent boot-order monitor publishes them. Liveness is not among them: it is judged at the
    /// end of a run that has gone quiet, and a machine on real threads never stops at one instant; the
    /// soak judges it by its own rules instead (every launch Running or Failed within the watchdog's
    /// time, no command left unanswered). The failure-has-cause rule is not among them either: the boot
    /// watchdog counts wall time there, and a loaded machine may let a correct boot overrun it (the soak
    /// counts those as failed boots).
    /// </summary>
    public static IReadOnlyList<RunMonitor> OnRealThreads(MachineSpec spec) =>
        [.. For(spec).Where(static monitor => monitor is not (LivenessMonitor or FailureHasCauseMonitor)), new GuestRuleMonitor()];
}
