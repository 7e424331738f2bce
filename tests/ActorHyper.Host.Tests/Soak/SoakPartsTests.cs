using ActorHyper.Actors.Hypervisor;
using ActorHyper.Host.Exploring;
using ActorHyper.Host.Soak;

namespace ActorHyper.Host.Tests.Soak;

/// <summary>The soak's parts on their own: durations, the latency histogram, the scenario cut from its history.</summary>
public sealed class SoakPartsTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    public void A_duration_takes_seconds_minutes_or_hours(string text, double seconds)
    {
        Assert.True(WallDuration.TryParse(text, out var duration, out _));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("0s")]
    [InlineData("-3m")]
    [InlineData("5x")]
    [InlineData("31d")]
    public void A_duration_without_a_positive_number_and_a_unit_is_refused_with_the_reason(string text)
    {
        Assert.False(WallDuration.TryParse(text, out _, out var problem));
        Assert.Contains("s, m or h", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_histogram_gives_percentiles_within_two_percent_and_merges_by_adding()
    {
        var low = new LatencyHistogram();
        var high = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            (i <= 500 ? low : high).Add(i);
        }

        low.Merge(high);
        Assert.Equal(1000, low.Count);
        Assert.InRange(low.Percentile(0.50), 500, 510);
        Assert.InRange(low.Percentile(0.99), 990, 1010);
        Assert.Equal(0, new LatencyHistogram().Percentile(0.5));
    }

    private static SoakOperation Op(SoakOperationKind kind, int instance, string command, double from, double to) =>
        new(kind, new SoakInstance(instance, 1, from), command, from, Task.FromResult(ShellReply.Refused(command, "test"))) { EndedAt = to };

    [Fact]
    public void A_scenario_joins_the_commands_that_overlapped_and_keeps_those_of_the_instances_concerned()
    {
        var history = new[]
        {
            Op(SoakOperationKind.Run, 1, "run -nc 1 -i 1", 0.0, 0.2),
            Op(SoakOperationKind.Run, 2, "run -nc 2 -i 2", 5.0, 5.4),
            Op(SoakOperationKind.Wait, 2, "wait -i 2 -t 30s", 5.4, 5.9),
            Op(SoakOperationKind.Run, 3, "run -nc 3 -i 3", 5.1, 5.3),
            Op(SoakOperationKind.Kill, 2, "kill -i 2", 6.0, 6.1),
            Op(SoakOperationKind.Run, 4, "run -nc 1 -i 4", 7.0, 7.1),
        };

        var lines = SoakScenario.Lines(history, new HashSet<int> { 2 }, at: 6.5);

        // Instance 2's launch raced instance 3's; its kill came alone after; instance 4 came after the finding, instance 1 long before.
        Assert.Equal(["run -nc 2 -i 2 & run -nc 3 -i 3", "kill -i 2", "wait"], lines);
        var scenario = ScenarioParser.Parse(string.Join('\n', lines), "cut");
        Assert.Equal(3, scenario.Lines.Count);
    }

    [Fact]
    public void An_instances_own_commands_are_kept_however_old_and_a_kill_only_with_its_launch()
    {
        var history = new[]
        {
            Op(SoakOperationKind.Run, 1, "run -nc 1 -i 1", 0.0, 0.2),
            Op(SoakOperationKind.Kill, 3, "kill -i 3", 29.0, 29.1),
            Op(SoakOperationKind.Kill, 1, "kill -i 1", 30.0, 30.1),
            Op(SoakOperationKind.Run, 2, "run -nc 1 -i 2", 30.0, 30.2),
        };

        // Instance 1's launch is long past but its own; instance 3's kill has no launch in the history.
        Assert.Equal(["run -nc 1 -i 1", "kill -i 1 & run -nc 1 -i 2", "wait"], SoakScenario.Lines(history, new HashSet<int> { 1 }, at: 30.5));
        Assert.Equal(["run -nc 1 -i 2", "wait"], SoakScenario.Lines(history, new HashSet<int> { 2, 3 }, at: 30.5));
    }

    [Fact]
    public void Alike_failures_fold_to_one_reason_whatever_their_addresses_numbers_and_cores()
    {
        var a = SoakDriver.Fold("core P2 (0,1) faulted: fault at k0:0x00300000: loading the kernel failed: fault at k0:0x0FA0: injected dma-fault@dma(0,1)#3");
        var b = SoakDriver.Fold("core P0 (3,2) faulted: fault at k1:0x00300000: loading the kernel failed: fault at k1:0x0FB0: injected dma-fault@dma(3,2)#12");
        Assert.Equal(a, b);
        var c = SoakDriver.Fold("the guest did not write its Running mailbox within 10 s of the hand-off (an IPI lost?); its cores: P0 (0,1) waiting, P1 (0,1) unreported");
        var d = SoakDriver.Fold("the guest did not write its Running mailbox within 10 s of the hand-off (an IPI lost?); its cores: P0 (2,2) executing the guest kernel");
        Assert.Equal(c, d);
        Assert.NotEqual(a, c);
    }
}
