using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Translation;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary><c>kill</c> returns everything, whenever it comes: while the launch loads, while the instance boots, once it runs.</summary>
public sealed class KillTests
{
    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task Killing_a_running_instance_returns_everything(ExecutionMode mode)
    {
        await using var hv = TestHypervisor.Started(mode);
        var before = hv.Owners();
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Equal(InstanceState.Running, hv.Ok<InstanceTable>("wait -i 6").Instances[0].State);

        var stopped = hv.Ok<InstanceStopped>("kill -i 6").Instance;

        Assert.Equal(InstanceState.Stopped, stopped.State);
        AssertEverythingReturned(hv, info, before);
    }

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task Killing_a_booting_instance_returns_everything(ExecutionMode mode)
    {
        // One core stalls with its HAT on, so the instance stays Booting until the kill.
        var stalled = new CoreId(new ClusterId(0, 1), 3);
        await using var hv = TestHypervisor.Started(mode, options: PlantedPrograms.StallingCore(stalled));
        var before = hv.Owners();
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Contains(stalled.Cluster, info.Clusters);
        Assert.StartsWith("timed out", hv.Refused("wait -i 6 -t 200ms"), StringComparison.Ordinal);
        Assert.Equal(InstanceState.Booting, hv.Instance(6).State);

        hv.Ok<InstanceStopped>("kill -i 6");

        AssertEverythingReturned(hv, info, before);
    }

    [Fact]
    public async Task A_kill_right_after_the_run_returns_everything_whatever_the_boot_reached()
    {
        var caught = new HashSet<InstanceState>();
        for (var seed = 1UL; seed <= 8; seed++)
        {
            await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
            var states = hv.Events<InstanceStateChanged>();
            var before = hv.Owners();
            var info = hv.Ok<InstanceLaunched>("run -nc 3 -i 4").Instance;

            hv.Ok<InstanceStopped>("kill -i 4");

            caught.Add(hv.Received(states).OfType<InstanceStateChanged>().Single(e => e.State == InstanceState.Stopping).Previous);
            AssertEverythingReturned(hv, info, before);
        }
        Assert.Contains(InstanceState.Booting, caught);
    }

    [Fact]
    public async Task A_kill_typed_during_the_launch_waits_for_the_step_in_flight_and_the_run_is_told()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var before = hv.Owners();
        hv.TypeAhead("run -nc 2 -i 6");
        hv.TypeAhead("kill -i 6");

        var run = hv.Probe.Expect<ShellReply>();
        Assert.Equal("run -nc 2 -i 6", run.Command);
        Assert.Equal("instance 6 was killed while Loading", run.Error);
        var kill = hv.Probe.Expect<ShellReply>();
        Assert.Equal(InstanceState.Stopped, Assert.IsType<InstanceStopped>(kill.Answer).Instance.State);
        Assert.Equal(before, hv.Owners());
        Assert.Empty(hv.Ok<InstanceTable>("ps").Instances);
    }

    [Fact]
    public async Task After_a_kill_the_same_instance_and_clusters_launch_again()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var first = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        hv.Ok<InstanceTable>("wait -i 6");
        hv.Ok<InstanceStopped>("kill -i 6");

        var second = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Equal(first.Clusters, second.Clusters);
        Assert.Equal(InstanceState.Running, hv.Ok<InstanceTable>("wait -i 6").Instances[0].State);
    }

    /// <summary>Pools, HATs, routes, mailboxes, memory, notes and cores: all back as the power-on left them.</summary>
    private static void AssertEverythingReturned(TestHypervisor hv, InstanceInfo info, IReadOnlyList<string> ownersBefore)
    {
        Assert.Equal(ownersBefore, hv.Owners());
        Assert.Empty(hv.Ok<InstanceTable>("ps").Instances);
        Assert.Empty(hv.Ask<IopicRoutes>(hv.Directory.Iopic, GetRoutes.Instance).Routes);
        foreach (var cluster in info.Clusters)
        {
            Assert.Equal(HatMode.Off, hv.Ask<HatSnapshot>(hv.Directory.DmaHat(cluster), GetHatState.Instance).Mode);
            Assert.Empty(hv.Ask<MemoryContents>(hv.Directory.Memory(cluster), new ReadMemory(1, 0, (uint)hv.Spec.RamPerCluster)).Pieces);
            var xicu = hv.Ask<XicuSnapshot>(hv.Directory.Xicu(cluster), GetXicuState.Instance);
            Assert.Empty(xicu.Pending);
            for (var core = 0; core < hv.Spec.CoresPerCluster; core++)
            {
                var id = new CoreId(cluster, core);
                Assert.Equal(HatMode.Off, hv.Ask<HatSnapshot>(hv.Directory.CoreHat(id), GetHatState.Instance).Mode);
                Assert.Equal(CoreStatus.Waiting, hv.Ask<CoreStatusReport>(hv.Directory.Core(id), GetCoreStatus.Instance).Status);
                Assert.Equal([core], xicu.EnabledByLine[core]);
                var note = BootLayout.CoreAssignmentOf(cluster, core);
                Assert.Empty(hv.Ask<MemoryContents>(hv.Directory.Memory(note.Cluster), new ReadMemory(1, note.Offset, BootLayout.CoreAssignmentSize)).Pieces);
            }
        }
    }
}
