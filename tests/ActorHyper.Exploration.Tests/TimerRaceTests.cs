using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// The clocked race (the chip's model, <see cref="ExecutionModel.Chip"/>): a timer is a choice like a
/// message, and one not yet due wins against a pending reply with chance step time / time until due.
/// </summary>
public sealed class TimerRaceTests
{
    private static readonly ExecutionModel Clocked = ExecutionModel.Chip;

    private sealed record Request;

    private sealed record Reply;

    private sealed record Timeout;

    /// <summary>Answers after a chain of <paramref name="hops"/> messages to itself, so the reply is pending for a while.</summary>
    private sealed class SlowServer : ReceiveActor
    {
        public SlowServer(int hops)
        {
            Receive<Request>(_ => Self.Tell(hops, Sender));
            Receive<int>(left =>
            {
                if (left == 0)
                {
                    Sender.Tell(new Reply());
                }
                else
                {
                    Self.Tell(left - 1, Sender);
                }
            });
        }
    }

    private sealed class Client : ReceiveActor, IWithTimers
    {
        public Client(List<string> outcome, TimeSpan timeout, int hops)
        {
            var server = Context.ActorOf(Props.Create(() => new SlowServer(hops)), "server");
            Receive<string>(_ =>
            {
                server.Tell(new Request());
                Timers.StartSingleTimer("timeout", new Timeout(), timeout);
            });
            Receive<Reply>(_ => outcome.Add("reply"));
            Receive<Timeout>(_ => outcome.Add("timeout"));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private static (string First, TimeSpan End) Run(ulong seed, TimeSpan timeout, int hops)
    {
        var system = ControlledSystems.Create(seed, model: Clocked);
        var driver = system.Driver();
        var outcome = new List<string>();
        var client = driver.ActorOf(Props.Create(() => new Client(outcome, timeout, hops)), "client");
        client.Tell("go");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        var end = driver.Now;
        driver.Terminate();
        Assert.Equal(2, outcome.Count);
        return (outcome[0], end);
    }

    [Fact]
    public void A_short_timeout_fires_before_a_pending_reply_for_some_seeds_and_after_it_for_others()
    {
        var firsts = Enumerable.Range(0, 30).Select(seed => Run((ulong)seed, TimeSpan.FromMilliseconds(1), hops: 800).First).ToHashSet();
        Assert.Equal(new HashSet<string> { "reply", "timeout" }, firsts);
    }

    [Fact]
    public void A_long_timeout_practically_never_beats_a_reply_of_a_few_steps()
    {
        var firsts = Enumerable.Range(0, 30).Select(seed => Run((ulong)seed, TimeSpan.FromSeconds(60), hops: 20).First).ToHashSet();
        Assert.Equal(["reply"], firsts);
    }

    [Fact]
    public void Firing_a_timer_moves_virtual_time_to_its_due_time()
    {
        var (_, end) = Run(3, TimeSpan.FromSeconds(60), hops: 5);
        // Its delivery is a step too: it costs its step time.
        Assert.Equal(TimeSpan.FromSeconds(60) + Clocked.StepTime, end);
    }

    [Fact]
    public void Run_for_moves_the_clock_to_the_deadline_when_only_later_timers_are_left()
    {
        var system = ControlledSystems.Create(1, model: Clocked);
        var driver = system.Driver();
        var outcome = new List<string>();
        var client = driver.ActorOf(Props.Create(() => new Client(outcome, TimeSpan.FromSeconds(10), 1)), "client");
        client.Tell("go");
        Assert.Equal(RunOutcome.DeadlineReached, driver.RunFor(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(2), driver.Now);
        Assert.Equal(["reply"], outcome);
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Equal(["reply", "timeout"], outcome);
        Assert.Equal(TimeSpan.FromSeconds(10) + Clocked.StepTime, driver.Now);
        driver.Terminate();
    }

    [Fact]
    public void A_cancelled_timer_never_fires()
    {
        var system = ControlledSystems.Create(1, model: Clocked);
        var driver = system.Driver();
        var probe = new List<object>();
        var actor = driver.ActorOf(Props.Create(() => new Collector(probe)), "collector");
        var cancelable = system.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromSeconds(1), actor, "late", ActorRefs.NoSender);
        cancelable.Cancel();
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        Assert.Empty(probe);
        driver.Terminate();
    }

    [Fact]
    public void A_repeated_timer_fires_at_each_interval()
    {
        var system = ControlledSystems.Create(1, model: Clocked);
        var driver = system.Driver();
        var seen = new List<object>();
        var actor = driver.ActorOf(Props.Create(() => new Collector(seen)), "collector");
        system.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), actor, "tick", ActorRefs.NoSender);
        Assert.Equal(RunOutcome.DeadlineReached, driver.RunFor(TimeSpan.FromMilliseconds(40)));
        Assert.Equal(4, seen.Count); // 5, 15, 25, 35 ms
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(List<object> seen) => ReceiveAny(seen.Add);
    }
}
