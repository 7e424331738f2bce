using System.Collections.Concurrent;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Watching;
using Xunit.Abstractions;

namespace ActorHyper.Exploration.Tests.Watching;

public sealed class WatchedViolationTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(WatchedConfig.Config, "watched-violation", output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // TestKit polls at a tenth of the patience unless told: 3 s per wait.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void A_planted_break_on_real_threads_gives_one_violation_with_its_name_reason_and_story()
    {
        var flag = new FlagMonitor();
        var all = new RecordingMonitor(wantsDelivery: t => t == typeof(Ball));
        var told = new ConcurrentQueue<WatchedViolation>();
        using var watch = RealThreadWatch.Start(Sys, [flag, all], new WatchOptions { OnViolation = told.Enqueue });
        var toy = new PingPong(Sys, "planted", flaggedId: 5_000);

        toy.Play();
        AwaitCondition(() => toy.Log.Hits == toy.Balls, Patience, Poll, "the toy did not finish");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        var violation = Assert.Single(watch.Violations);
        Assert.Equal("no-flagged-ball", violation.Invariant);
        Assert.Equal("ball 5000 is flagged", violation.Reason);
        Assert.Same(violation, Assert.Single(told));
        Assert.Equal(200, violation.Recent.Count);
        var offending = violation.Recent[^1];
        Assert.False(offending.IsEvent);
        Assert.Contains("Id = 5000", offending.Text, StringComparison.Ordinal);
        Assert.Contains(offending.Receiver, new[] { "/user/planted-a", "/user/planted-b" });
        Assert.Equal(violation.Recent.Select(i => i.Sequence), violation.Recent.Select(i => i.Sequence).Order());
        Output?.WriteLine(string.Join(Environment.NewLine, violation.Recent.TakeLast(3)));

        // The failed monitor is not asked again; the others see the whole run.
        Assert.Equal(offending.Sequence, flag.Calls);
        Assert.Equal(toy.Balls, all.Deliveries.Count());
    }

    [Fact]
    public void A_correct_toy_run_of_thousands_of_messages_gives_no_violation()
    {
        var order = new PairOrderMonitor();
        using var watch = RealThreadWatch.Start(Sys, [order]);
        var toy = new PingPong(Sys, "correct");

        toy.Play();
        AwaitCondition(() => toy.Log.Hits == toy.Balls, Patience, Poll, "the toy did not finish");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        Assert.Empty(watch.Violations);
        Assert.Equal(toy.Balls, watch.Watched);
    }

    [Fact]
    public void A_monitor_that_throws_is_a_violation_not_a_crash_of_the_hub()
    {
        var buggy = new ThrowingMonitor(failAt: 10);
        var all = new RecordingMonitor(wantsDelivery: t => t == typeof(Ball));
        using var watch = RealThreadWatch.Start(Sys, [buggy, all]);
        var toy = new PingPong(Sys, "buggy", servers: 2, rallies: 2, hits: 100);

        toy.Play();
        AwaitCondition(() => toy.Log.Hits == toy.Balls, Patience, Poll, "the toy did not finish");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        var violation = Assert.Single(watch.Violations);
        Assert.Equal("buggy", violation.Invariant);
        Assert.Equal("exception: System.InvalidOperationException: the monitor's own bug", violation.Reason);
        Assert.Equal(10, buggy.Calls);
        Assert.Equal(toy.Balls, all.Deliveries.Count());
    }

    [Fact]
    public void Judge_runs_the_hosts_check_on_the_hub_and_a_failure_there_is_a_violation()
    {
        var ending = new DeliveryMonitor("nothing-pending", () => _ => null);
        var failing = new EndFailingMonitor();
        using var watch = RealThreadWatch.Start(Sys, [ending, failing]);

        watch.Judge(m => m.OnRunEnd(RunOutcome.Quiescent));

        var violation = Assert.Single(watch.Violations);
        Assert.Equal("ends-badly", violation.Invariant);
        Assert.Equal("2 requests still pending", violation.Reason);
        Assert.Equal(1, failing.Ends);

        // A failed monitor is not judged again.
        watch.Judge(m => m.OnRunEnd(RunOutcome.Quiescent));
        Assert.Equal(1, failing.Ends);
        Assert.Single(watch.Violations);
    }
}
