using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Monitors;
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
        // One core stalls with its HAT on, so the instance stays Booting until the kill (which comes
        // before the kernel gives up on the core's call-in: 10,000 looks, 100 ms when controlled).
        var stalled = new CoreId(new ClusterId(0, 1), 3);
        await using var hv = TestHypervisor.Started(mode, options: PlantedPrograms.StallingCore(stalled));
        var before = hv.Owners();
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Contains(stalled.Cluster, info.Clusters);
        Assert.StartsWith("timed out", hv.Refused("wait -i 6 -t 50ms"), StringComparison.Ordinal);
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

    [Fact]
    public async Task The_next_instance_on_a_killed_instances_console_sees_only_its_own_lines()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var first = hv.LaunchAndWait("run -nc 2 -i 6");
        hv.Ok<InstanceStopped>("kill -i 6");
        var second = hv.LaunchAndWait("run -nc 3 -i 3");
        Assert.Equal(first.TtyChannel, second.TtyChannel);

        var lines = hv.Ok<TtyLines>("tty -i 3").Lines;
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.Contains("n6.", StringComparison.Ordinal) || line.Contains("node 6", StringComparison.Ordinal));
        Assert.Equal("off: node 3 up: 12 cores, 3 clusters, 192 MiB", lines[^1]);
    }

    [Theory]
    [InlineData(ExecutionMode.Controlled, 1UL)]
    [InlineData(ExecutionMode.Controlled, 2UL)]
    [InlineData(ExecutionMode.Controlled, 3UL)]
    [InlineData(ExecutionMode.Concurrent, 1UL)]
    public async Task A_kill_and_a_run_typed_at_once_both_succeed_and_the_new_instance_boots_clean(ExecutionMode mode, ulong seed)
    {
        await using var hv = TestHypervisor.Started(mode, seed: seed);
        hv.LaunchAndWait("run -nc 2 -i 6");
        hv.TypeAhead("kill -i 6");
        hv.TypeAhead("run -nc 2 -i 3");

        // Either may answer first: the run answers at its hand-off, the kill once every core waits again.
        var replies = new[] { hv.Probe.Expect<ShellReply>(), hv.Probe.Expect<ShellReply>() };
        Assert.IsType<InstanceStopped>(Assert.Single(replies, r => r.Command == "kill -i 6").Answer);
        var run = Assert.Single(replies, r => r.Command == "run -nc 2 -i 3");
        Assert.True(run.Succeeded, run.Error);
        var table = hv.Ok<InstanceTable>("wait").Instances;
        Assert.Equal(InstanceState.Running, Assert.Single(table).State);
        Assert.Equal(3, table[0].Id);
        Assert.DoesNotContain(hv.Ok<TtyLines>("tty -i 3").Lines, line => line.Contains("n6.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public async Task A_kill_during_the_kernels_dma_aborts_it_before_the_dma_hat_goes_off_and_nothing_lands_after(ulong seed)
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed);
        var dmaStarted = new DeliveryWatch(d => d.Message is StartDma);
        hv.Driver.AddMonitor(dmaStarted);
        var events = hv.Events<HardwareEvent>();
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Equal(RunOutcome.ConditionMet, hv.Driver.RunUntil(() => dmaStarted.Seen));

        hv.Ok<InstanceStopped>("kill -i 6");

        var seen = hv.Received(events).ToList();
        var halted = IndexOf(seen, InstanceStep.HaltCores);
        var dmasIdle = IndexOf(seen, InstanceStep.ResetDmas);
        var hatsOff = IndexOf(seen, InstanceStep.ResetHats);
        var cleared = IndexOf(seen, InstanceStep.ClearMemory);
        Assert.True(halted >= 0 && dmasIdle > halted && hatsOff > dmasIdle && cleared > hatsOff);
        // The transfer lands before the engine is idle, or never: once it is, nothing of it is left to land.
        Assert.DoesNotContain(seen.Skip(dmasIdle + 1), e => e is DmaCompleted or DmaFaulted or MemoryWritten { Writer.Kind: UnitKind.Dma });
        Assert.DoesNotContain(seen.Skip(cleared + 1), e => e is MemoryWritten);
        AssertEverythingReturned(hv, info, hv.Owners());
    }

    /// <summary>Notes that a delivery matching a condition happened.</summary>
    private sealed class DeliveryWatch(Func<Delivery, bool> match) : RunMonitor
    {
        public bool Seen { get; private set; }

        public override void OnDelivery(Delivery delivery) => Seen |= match(delivery);
    }

    private static int IndexOf(IReadOnlyList<object> events, InstanceStep step) =>
        events.ToList().FindIndex(e => e is InstanceStepCompleted completed && completed.Step == step);

    /// <summary>Pools, HATs, routes, mailboxes, devices, memory, notes and cores: all back as the power-on left them.</summary>
    private static void AssertEverythingReturned(TestHypervisor hv, InstanceInfo info, IReadOnlyList<string> ownersBefore)
    {
        Assert.Equal(ownersBefore, hv.Owners());
        Assert.Empty(hv.Ok<InstanceTable>("ps").Instances);
        Assert.Empty(hv.Ask<IopicRoutes>(hv.Directory.Iopic, GetRoutes.Instance).Routes);
        for (var sub = 0; sub < 4; sub++)
        {
            Assert.Empty(hv.Ask<TtyOutput>(hv.Directory.Tty, new GetTtyOutput(info.Tty, sub)).Lines);
        }
        var frame = hv.Ask<FrameContent>(hv.Directory.Fbf, new GetFrame(info.Fb));
        Assert.Null(frame.Content);
        Assert.Empty(frame.Fills);
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
