using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>The correct protocol passes every invariant monitor, liveness included, under many schedules.</summary>
public sealed class CorrectProtocolTests
{
    [Fact]
    public async Task The_default_scenario_passes_every_monitor_over_100_random_and_100_pct_seeds()
    {
        await using var hv = MonitoredRun.Machine();
        var random = MonitoredRun.FirstFailure(hv, Seeds(100), MonitoredRun.Random);
        Assert.True(random is null, $"random seed {random?.Seed}: {random?.Failure}");
        var pct = MonitoredRun.FirstFailure(hv, Seeds(100), MonitoredRun.Pct);
        Assert.True(pct is null, $"PCT seed {pct?.Seed}: {pct?.Failure}");
    }

    [Fact]
    public async Task Overlapping_launches_pass_every_monitor()
    {
        await using var hv = MonitoredRun.Machine();
        var overlapping = MonitoredRun.FirstFailure(hv, Seeds(20), MonitoredRun.Random, overlapping: true);
        Assert.True(overlapping is null, $"seed {overlapping?.Seed}: {overlapping?.Failure}");
    }

    /// <summary>A kill returns clusters to the pool (pooled-cluster-clean) and a launch takes them again (single-owner).</summary>
    [Fact]
    public async Task A_kill_mid_boot_and_a_relaunch_on_its_clusters_pass_every_monitor()
    {
        await using var hv = MonitoredRun.Machine();
        var driver = hv.Driver;
        for (ulong seed = 0; seed < 20; seed++)
        {
            Assert.IsType<Machine.MachineReady>(hv.Handle.PowerCycle(seed, MonitoredRun.Random(seed)));
            foreach (var command in new[] { "run -nc 2 -i 6", "kill -i 6", "run -nc 3 -i 2", "wait" })
            {
                var reply = hv.Type(command);
                Assert.True(reply.Succeeded, $"seed {seed}, {command}: {reply.Error}");
            }
            driver.EndRun(driver.RunUntilQuiescent());
            Assert.True(driver.Failure is null, $"seed {seed}: {driver.Failure}");
        }
    }

    [Fact]
    public async Task A_run_cut_short_by_its_step_limit_reports_the_unanswered_command_and_the_unsettled_instance()
    {
        await using var hv = MonitoredRun.Machine();
        var driver = hv.Driver;
        driver.StepLimit = driver.Steps + 80;

        var reply = hv.Type("run -nc 2 -i 6");

        Assert.False(reply.Succeeded);
        Assert.Equal(RunOutcome.Failed, driver.EndRun(RunOutcome.StepLimitReached));
        var failure = driver.Failure!;
        Assert.Equal("liveness", failure.Monitor);
        Assert.Contains("the shell never answered 'run -nc 2 -i 6'", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("instance 6 is still", failure.Reason, StringComparison.Ordinal);
    }

    private static IEnumerable<ulong> Seeds(int count) => Enumerable.Range(0, count).Select(seed => (ulong)seed);
}
