using ActorHyper.Exploration;
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
        return
        [
            new SingleOwnerMonitor(),
            new FbMatchesTtyMonitor(),
            new HatConfiguredBeforeActivationMonitor(spec),
            new CodeInPlaceMonitor(),
            new TranslationIsolationMonitor(),
            new HatBeforeIpiMonitor(),
            new MailboxOverwriteMonitor(),
            new RoutesBeforeHandOffMonitor(spec),
            new IocCompletionBeforeKernelMonitor(spec),
            new PooledClusterMonitor(spec),
            new LivenessMonitor(spec),
        ];
    }
}
