using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Tests;

/// <summary>
/// A watcher of core statuses learns where every core is when it starts watching, not only what
/// changes after: a report the machine took before the watch request would be lost to it otherwise
/// (the hypervisor once waited for ever for a kill's "parked" reports that came before its own watch).
/// </summary>
public sealed class WatchCoreStatusTests
{
    [Fact]
    public async Task A_new_watcher_gets_every_cores_current_status_then_the_changes()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var spec = MachineSpec.Tsar2x2;

        machine.Probe.Send(machine.Directory.MachineActor, new WatchCoreStatus(machine.Probe.Ref));
        var reports = Enumerable.Range(0, spec.CoreCount).Select(_ => machine.Probe.Expect<CoreStatusReport>()).ToList();

        machine.Probe.Expect<CoreStatusWatched>();

        Assert.Equal(spec.CoreCount, reports.Select(report => report.Core).Distinct().Count());
        var hypervisorCore = new CoreId(MachineSpec.HypervisorCluster, 0);
        Assert.Equal(CoreState.RunningHypervisor, reports.Single(report => report.Core == hypervisorCore).Status.State);
        Assert.All(reports.Where(report => report.Core != hypervisorCore), report => Assert.Equal(CoreState.Waiting, report.Status.State));
    }
}
