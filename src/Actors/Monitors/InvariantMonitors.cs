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
            new LivenessMonitor(spec),
        ];
    }
}
