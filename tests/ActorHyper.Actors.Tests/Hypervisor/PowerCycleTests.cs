using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>
/// A power cycle puts every unit back as built, so exploration can run schedule after schedule on
/// one machine: a seed's run is the same, step for step, on a machine just built and on one that
/// ran many other seeds before.
/// </summary>
public sealed class PowerCycleTests
{
    private static readonly string[] Scenario = ["run -nc 2 -i 6", "run -nc 3 -i 2", "wait"];

    private static (ulong Hash, long Steps, TimeSpan Time) RunScenario(TestHypervisor hv)
    {
        foreach (var command in Scenario)
        {
            var reply = hv.Type(command);
            Assert.True(reply.Succeeded, $"{command}: {reply.Error}");
        }

        var table = Assert.IsType<InstanceTable>(hv.Type("ps").Answer);
        Assert.All(table.Instances, i => Assert.Equal(InstanceState.Running, i.State));
        return (hv.Driver.TraceHash, hv.Driver.Steps, hv.Driver.Now);
    }

    [Fact]
    public async Task A_seed_runs_the_same_on_a_new_machine_and_after_fifty_other_seeds_on_a_power_cycled_one()
    {
        (ulong, long, TimeSpan) fresh;
        await using (var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: 42))
        {
            fresh = RunScenario(hv);
        }

        await using var reused = TestHypervisor.Started(ExecutionMode.Controlled, seed: 7);
        var others = new HashSet<ulong> { RunScenario(reused).Hash };
        for (ulong seed = 100; seed < 150; seed++)
        {
            Assert.IsType<MachineReady>(reused.Handle.PowerCycle(seed));
            others.Add(RunScenario(reused).Hash);
        }

        Assert.True(others.Count > 45, $"only {others.Count} distinct runs in 51 seeds");
        Assert.IsType<MachineReady>(reused.Handle.PowerCycle(42));
        Assert.Equal(fresh, RunScenario(reused));
    }

    [Fact]
    public async Task A_power_cycle_leaves_no_instance_no_route_no_hat_on_no_tty_line_and_empty_ram()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: 3);
        RunScenario(hv);
        Assert.IsType<MachineReady>(hv.Handle.PowerCycle(4));
        Assert.Empty(Assert.IsType<InstanceTable>(hv.Type("ps").Answer).Instances);
        Assert.Empty(hv.Ask<IopicRoutes>(hv.Directory.Iopic, GetRoutes.Instance).Routes);
        Assert.Empty(hv.Ask<TtyOutput>(hv.Directory.Tty, new GetTtyOutput(0, 0)).Lines);
        foreach (var cluster in hv.Spec.Clusters().Where(c => c != MachineSpec.HypervisorCluster))
        {
            Assert.Equal(HatMode.Off, hv.Ask<HatSnapshot>(hv.Directory.DmaHat(cluster), GetHatState.Instance).Mode);
            Assert.Empty(hv.Ask<MemoryContents>(hv.Directory.Memory(cluster), new ReadMemory(1, 0, (uint)hv.Spec.RamPerCluster)).Pieces);
            Assert.Empty(hv.Ask<XicuSnapshot>(hv.Directory.Xicu(cluster), GetXicuState.Instance).Pending);
            for (var core = 0; core < hv.Spec.CoresPerCluster; core++)
            {
                var id = new CoreId(cluster, core);
                Assert.Equal(HatMode.Off, hv.Ask<HatSnapshot>(hv.Directory.CoreHat(id), GetHatState.Instance).Mode);
                Assert.Equal(CoreState.Waiting, hv.Ask<CoreStatusReport>(hv.Directory.Core(id), GetCoreStatus.Instance).Status.State);
            }
        }

        // And the same launches boot again.
        RunScenario(hv);
    }
}
