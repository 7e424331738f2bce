using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Hardware.Faults;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary>
/// What each fault kind does to a boot of one instance on the 2×2 machine, under the machine's own
/// monitors (a run they fail has a <see cref="ScheduleResult.Failure"/>). A fault that makes the boot
/// impossible ends it Failed with the reason, and a kill gives every resource back; a lost boot-loader
/// IPI ends it Failed once the kernel gives up on the call-in; a lost hand-off IPI leaves it waiting
/// for nothing, until the hypervisor's boot watchdog fails it.
/// </summary>
public sealed class FaultEffectTests
{
    private const string BootAndKill = "run -nc 1 -i 1\nwait -t 5s\nkill -i 1\n";
    private const string Boot = "run -nc 1 -i 1\nwait -t 5s\n";

    private static (ScheduleResult Result, FaultRecorder Recorder) Run(string scenario, string faults, ulong seed = 3)
    {
        var recorder = new FaultRecorder();
        using var runner = Runner(scenario, faults, recorder);
        return (runner.Run(seed, new RandomStrategy(seed)), recorder);
    }

    internal static MachineScheduleRunner Runner(string scenario, string faults, RunMonitor recorder, params string[] sets)
    {
        var configuration = ExplorationConfiguration.Load(RepoFiles.Path("hocon/tsar-2x2.conf"), null, sets, Variants.None, TextWriter.Null);
        return new MachineScheduleRunner(configuration.Options, Serilog.Core.Logger.None, ScenarioParser.Parse(scenario, "test"), [recorder],
            FaultSpecParser.Parse(faults, "test"));
    }

    [Fact]
    public void An_ioc_read_error_fails_the_boot_with_its_reason_and_the_kill_gives_the_cluster_back()
    {
        var (result, recorder) = Run(BootAndKill, "ioc-read-error:1");

        Assert.Null(result.Failure);
        var failed = recorder.Reached(1, InstanceState.Failed);
        Assert.NotNull(failed);
        Assert.Contains("IOC read failed on channel 1", failed.Reason, StringComparison.Ordinal);
        Assert.Null(recorder.Reached(1, InstanceState.Running));
        Assert.Equal(1, Assert.Single(recorder.Released).InstanceId);
        Assert.Equal(["ioc-read-error@ioc.1#1"], result.Faults);
    }

    [Fact]
    public void A_dma_fault_fails_the_boot_with_its_reason_and_the_kill_gives_the_cluster_back()
    {
        var (result, recorder) = Run(BootAndKill, "dma-fault:1");

        Assert.Null(result.Failure);
        Assert.Contains("DMA fault: the transfer from disk", recorder.Reached(1, InstanceState.Failed)?.Reason, StringComparison.Ordinal);
        Assert.Single(recorder.Released);
        Assert.StartsWith("dma-fault@dma(", Assert.Single(result.Faults), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lost_hand_off_ipi_fails_the_boot_at_the_watchdog_and_a_kill_gives_the_cluster_back()
    {
        var (hung, recorder) = Run(Boot, "ipi-lost:1");

        // Nothing moves once the IPI is lost: the wait gives up at 5 s, the watchdog fails the boot at 10 s.
        Assert.Null(hung.Failure);
        var lost = Assert.Single(recorder.Faults);
        Assert.Equal(FaultKind.IpiLost, lost.Fault.Kind);
        Assert.Null(recorder.Reached(1, InstanceState.Running));
        var failed = recorder.Reached(1, InstanceState.Failed);
        Assert.NotNull(failed);
        Assert.Equal(TimeSpan.FromSeconds(10), failed.At - recorder.Reached(1, InstanceState.Booting)!.At);
        Assert.Contains("the guest did not write its Running mailbox within 10 s of the hand-off (an IPI lost?); its cores: P0 (0,1) ",
            failed.Reason, StringComparison.Ordinal);

        var (killed, afterKill) = Run(BootAndKill, "ipi-lost:1");
        Assert.Null(killed.Failure);
        Assert.NotNull(afterKill.Reached(1, InstanceState.Stopped));
        Assert.Single(afterKill.Released);
    }

    [Fact]
    public void A_lost_boot_loader_ipi_fails_the_boot_naming_the_processor_instead_of_spinning_to_the_step_limit()
    {
        // Cluster (0,1)'s XICU slot 2: the IPI that sends processor 2 of instance 1 to its boot loader.
        const string Lost = "ipi-lost@xicu(0,1).2#1";
        var recorder = new FaultRecorder();
        using var runner = Runner(Boot, "", recorder);

        var result = runner.Run(3, new RandomStrategy(3), new ScheduleInputs([Lost], null));

        Assert.Null(result.Failure);
        Assert.Equal(RunOutcome.Quiescent, result.Outcome);
        Assert.Equal([Lost], result.Faults);
        var failed = recorder.Reached(1, InstanceState.Failed);
        Assert.NotNull(failed);
        Assert.Contains("processor 2 never called in (10,000 looks, 10 µs apart)", failed.Reason, StringComparison.Ordinal);
        Assert.Null(recorder.Reached(1, InstanceState.Running));
        // The boot core gave up after its looks (a few deliveries each), far below the step limit.
        Assert.InRange(result.Steps, 10_000, 200_000);
    }

    [Fact]
    public void A_watchdog_from_a_killed_launch_does_not_fail_the_next_launch_of_that_instance_early()
    {
        // Both launches lose their hand-off; the first is killed 600 ms into its 1 s watchdog.
        const string Relaunch = "run -nc 1 -i 1\nwait -t 600ms\nkill -i 1\nrun -nc 1 -i 1\nwait -t 5s\n";
        var recorder = new FaultRecorder();
        using var runner = Runner(Relaunch, "", recorder, "actorhyper.hypervisor.boot-timeout=1s");

        var result = runner.Run(3, new RandomStrategy(3), new ScheduleInputs(["ipi-lost@xicu(0,1).0#1", "ipi-lost@xicu(0,1).0#2"], null));

        Assert.Null(result.Failure);
        Assert.Equal(2, result.Faults.Count);
        var bootings = recorder.States.Where(changed => changed.InstanceId == 1 && changed.State == InstanceState.Booting).ToList();
        Assert.Equal(2, bootings.Count);
        var failed = Assert.Single(recorder.States, changed => changed.InstanceId == 1 && changed.State == InstanceState.Failed);
        // The second launch's own watchdog, a second after its hand-off; the first's fired at 1 s and found another launch.
        Assert.Equal(TimeSpan.FromSeconds(1), failed.At - bootings[1].At);
        Assert.True(bootings[1].At >= TimeSpan.FromMilliseconds(600), $"{bootings[1].At}");
        Assert.Contains("within 1 s of the hand-off", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_ipi_is_caught_as_an_overwrite_when_it_lands_before_the_read_and_otherwise_ends_the_boot_settled()
    {
        var recorder = new FaultRecorder();
        using var runner = Runner(Boot, "ipi-dup:0.3", recorder);
        var caught = 0;
        var settled = 0;
        for (var seed = 0UL; seed < 8; seed++)
        {
            var result = runner.Run(seed, new RandomStrategy(seed));
            if (result.Failure is { } failure)
            {
                Assert.Equal("mailbox-overwrite", failure.Monitor);
                Assert.NotEmpty(result.Faults);
                caught++;
            }
            else if (result.Faults.Count > 0)
            {
                // Read before the copy came: harmless, or a core woken a second time with a stale address,
                // which faults with its reason (a boot loader where the kernel was expected). Never a hang.
                var running = recorder.Reached(1, InstanceState.Running);
                var failed = recorder.Reached(1, InstanceState.Failed);
                Assert.True(running is not null || failed?.Reason?.Contains("faulted", StringComparison.Ordinal) == true,
                    $"seed {seed}: {result.Outcome}; states: {string.Join(", ", recorder.States.Select(s => $"{s.State} {s.Reason}"))}");
                settled++;
            }
        }

        // The second write is one delivery away, the read several: most duplicates land first.
        Assert.True(caught > settled, $"{caught} caught, {settled} settled");
    }

    [Fact]
    public void Delayed_ipis_and_stalled_cores_delay_the_boot_but_it_completes()
    {
        var (plain, plainRecorder) = Run(Boot, "");
        var (delayed, delayedRecorder) = Run(Boot, "ipi-delay:1:1ms");
        var (stalled, stalledRecorder) = Run(Boot, "core-stall:0.1:1ms");

        Assert.Null(plain.Failure);
        Assert.Null(delayed.Failure);
        Assert.Null(stalled.Failure);
        var on = plainRecorder.Reached(1, InstanceState.Running)!.At;
        Assert.True(on < TimeSpan.FromMilliseconds(1), $"{on}");
        // The hand-off IPI, then the boot loader's, each waited 1 ms.
        Assert.True(delayedRecorder.Reached(1, InstanceState.Running)!.At >= TimeSpan.FromMilliseconds(2));
        Assert.True(delayedRecorder.Faults.Count >= 2);
        Assert.True(stalledRecorder.Reached(1, InstanceState.Running)!.At >= TimeSpan.FromMilliseconds(1));
        Assert.Contains(stalledRecorder.Faults, fault => fault.Fault.Kind == FaultKind.CoreStall);
        Assert.Empty(plain.Faults);
    }

    [Fact]
    public void A_command_is_typed_at_its_step_or_once_the_run_is_quiet()
    {
        var (result, recorder) = Run(Boot, "command@step=200:ps,command@step=1000000:kill -i 1");

        Assert.Null(result.Failure);
        var ps = Assert.Single(recorder.Commands, command => command.Text == "ps");
        Assert.True(ps.Step >= 200, $"ps at step {ps.Step}");
        // The run went quiet long before step 1000000: the kill is typed then, and the instance stops.
        Assert.True(result.Steps < 1_000_000);
        Assert.NotNull(recorder.Reached(1, InstanceState.Stopped));
        Assert.Single(recorder.Released);
        Assert.Equal(["command@step=200:ps", "command@step=1000000:kill -i 1"], result.Faults);
    }

    [Fact]
    public void The_same_seed_and_spec_inject_the_same_faults_on_any_machine_and_a_plan_replays_them()
    {
        const string Spec = "ipi-delay:0.3:20us,core-stall:0.05:100us,command@step=300:ps";
        var recorder = new FaultRecorder();
        ScheduleResult first;
        ScheduleResult again;
        using (var runner = Runner(Boot, Spec, recorder))
        {
            first = runner.Run(7, new RandomStrategy(7));
            runner.Run(8, new RandomStrategy(8));
            again = runner.Run(7, new RandomStrategy(7));
        }

        ScheduleResult fresh;
        ScheduleResult planned;
        using (var runner = Runner(Boot, "", recorder))
        {
            fresh = runner.Run(7, new RandomStrategy(7));
            Assert.Empty(fresh.Faults);
            planned = runner.Run(7, new ReplayStrategy(first.Decisions), ScheduleInputs.Of(first));
        }

        Assert.True(first.Faults.Count > 2);
        Assert.Equal(first.Faults, again.Faults);
        Assert.Equal(first.TraceHash, again.TraceHash);
        Assert.NotEqual(first.TraceHash, fresh.TraceHash);
        Assert.Equal(first.Faults, planned.Faults);
        Assert.Equal(first.TraceHash, planned.TraceHash);
    }
}
