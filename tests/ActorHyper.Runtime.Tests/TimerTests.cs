using System.Diagnostics;
using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task A_ten_second_timer_fires_in_controlled_mode_without_waiting_ten_seconds()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var probe = new TestProbe(system);
        var wall = Stopwatch.StartNew();
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(10), probe.Ref, "ring");
        probe.ExpectNoMsg(TimeSpan.FromSeconds(9.999));
        probe.ExpectMsg("ring", TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(10), system.Now);

        // Virtual time: the ten seconds pass without the thread waiting for them.
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(5), $"took {wall.Elapsed} of wall time");
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task A_cancelled_timer_does_not_fire(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var timer = system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(50), probe.Ref, "never");
        timer.Cancel();
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(100), probe.Ref, "later");
        probe.ExpectMsg("later");
        Assert.True(timer.IsCancellationRequested);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task A_repeating_timer_fires_until_cancelled(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var timer = system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), probe.Ref, "tick");
        probe.ExpectMsg("tick");
        probe.ExpectMsg("tick");
        probe.ExpectMsg("tick");
        timer.Cancel();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        await system.Terminate();
    }

    [Fact]
    public async Task Timers_due_at_the_same_virtual_time_fire_in_the_order_they_were_set()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var probe = new TestProbe(system);
        for (var i = 0; i < 5; i++)
        {
            system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe.Ref, i);
        }

        for (var i = 0; i < 5; i++)
        {
            probe.ExpectMsg(i);
        }

        await system.Terminate();
    }

    [Fact]
    public async Task RunFor_moves_virtual_time_while_timers_are_pending_and_says_when_nothing_is_left()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var probe = new TestProbe(system);
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe.Ref, "one");
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), probe.Ref, "five");
        system.Controlled.RunUntilQuiescent();
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), probe.Ref, "again");
        var start = system.Now;

        Assert.Equal(Runtime.Controlled.RunOutcome.DeadlineReached, system.Controlled.RunFor(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(start + TimeSpan.FromMilliseconds(500), system.Now);
        Assert.Equal(Runtime.Controlled.RunOutcome.Quiescent, system.Controlled.RunFor(TimeSpan.FromSeconds(10)));
        Assert.Equal(start + TimeSpan.FromSeconds(1), system.Now);
        await system.Terminate();
    }

    [Fact]
    public async Task Actors_read_the_virtual_clock_through_their_context()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var probe = new TestProbe(system);
        var clock = system.ActorOf(Props.Create(() => new ClockReader()));
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(3), clock, "now?", probe.Ref);
        Assert.Equal(TimeSpan.FromMinutes(3), probe.ExpectMsg<TimeSpan>(timeout: TimeSpan.FromMinutes(5)));
        await system.Terminate();
    }

    private sealed class ClockReader : ReceiveActor
    {
        public ClockReader() => Receive<string>(_ => Sender.Tell(Context.Now));
    }
}
