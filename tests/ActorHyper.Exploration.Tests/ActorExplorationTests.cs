using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary><see cref="ActorExploration"/>: each schedule on actors built anew, bounded in steps and virtual time.</summary>
public sealed class ActorExplorationTests
{
    private sealed class Counter : ReceiveActor
    {
        private int _seen;

        public Counter(IActorRef partner)
        {
            Receive<string>(message =>
            {
                _seen++;
                partner.Tell(_seen);
            });
            // The partner's answer: taken, not left unhandled (a finding).
            Receive<int>(_ => { });
        }
    }

    /// <summary>Plays ping-pong forever: only the step limit ends a run.</summary>
    private sealed class Player : ReceiveActor
    {
        public Player() => Receive<int>(n => Sender.Tell(n + 1));
    }

    /// <summary>Fails a run in which an actor counts a second message (its state survived a run), or an automatic name changes between runs.</summary>
    private sealed class FreshActors : RunMonitor
    {
        private string? _firstCounterPath;

        public override string Name => "fresh-actors";

        public override void OnDelivery(Delivery delivery)
        {
            if (delivery.Message is int count && delivery.Receiver.EndsWith("/partner", StringComparison.Ordinal) && count > 1)
            {
                Fail($"the counter had seen {count} messages: it was not rebuilt");
            }

            if (delivery.Message is "go")
            {
                _firstCounterPath ??= delivery.Receiver;
                if (delivery.Receiver != _firstCounterPath)
                {
                    Fail($"the unnamed counter is {delivery.Receiver} now, {_firstCounterPath} before");
                }
            }
        }
    }

    private static void Setup(IActorContext context)
    {
        var partner = context.ActorOf(Props.Create(() => new Player()), "partner");
        // Unnamed: Akka names it $a, $b... per parent, so the same in every run only if the parent is new.
        context.ActorOf(Props.Create(() => new Counter(partner))).Tell("go");
        var ping = context.ActorOf(Props.Create(() => new Player()), "ping");
        var pong = context.ActorOf(Props.Create(() => new Player()), "pong");
        ping.Tell(0, pong);
    }

    [Fact]
    public void Every_schedule_runs_on_new_actors_and_a_run_that_never_settles_ends_at_the_step_limit()
    {
        var report = ActorExploration.Run(new ExplorationOptions { Iterations = 20, Workers = 2 }, Setup,
            () => [new FreshActors()], new ActorExplorationSettings { StepLimit = 200 });

        Assert.Equal(20, report.Schedules.Count);
        Assert.All(report.Schedules, s => Assert.Equal((RunOutcome.StepLimitReached, 200L), (s.Outcome, s.Steps)));
    }

    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker() => Receive<string>(_ => { });

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void A_time_limit_ends_a_run_that_ticks_forever_at_its_virtual_deadline()
    {
        var report = ActorExploration.Run(new ExplorationOptions { Iterations = 5 },
            context => context.ActorOf(Props.Create(() => new Ticker()), "ticker"),
            settings: new ActorExplorationSettings { TimeLimit = TimeSpan.FromSeconds(1) });

        // The run's first step builds the actors and costs 1 µs, so the ticks come at 10 ms + 1 µs, 20 ms + 1 µs, ...:
        // 99 of them by the deadline of 1 s.
        Assert.All(report.Schedules, s => Assert.Equal((RunOutcome.DeadlineReached, 1 + 99L), (s.Outcome, s.Steps)));
        Assert.Equal(1, report.DistinctInterleavings);
    }

    [Fact]
    public void A_monitor_that_fails_is_thrown_with_its_report_and_explore_keeps_it_in_the_report()
    {
        Func<IEnumerable<RunMonitor>> monitors = () => [new DeliveryMonitor("no-pong", () => d => d.Receiver.EndsWith("/pong", StringComparison.Ordinal) ? "pong got a ball" : null)];
        var options = new ExplorationOptions { Iterations = 3 };
        var settings = new ActorExplorationSettings { StepLimit = 50 };

        var failed = Assert.Throws<ExplorationFailedException>(() => ActorExploration.Run(options, Setup, monitors, settings));
        var report = ActorExploration.Explore(options, Setup, monitors, settings);

        Assert.Equal(0, failed.Violation!.Iteration);
        Assert.Equal("pong got a ball", failed.Violation.Failure.Reason);
        Assert.Equal(report.Digest, failed.Report!.Digest);
        Assert.StartsWith($"invariant 'no-pong' broken at iteration 0 (seed {IterationSeed.Of(0, 0)}, strategy random) after 1 schedule(s): pong got a ball", failed.Message, StringComparison.Ordinal);
        Assert.Contains("/user/exploration/run/pong ← /user/exploration/run/ping: Int32 1", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setup_that_throws_stops_the_exploration_with_its_message()
    {
        var problem = Assert.Throws<ExplorationException>(() => ActorExploration.Run(new ExplorationOptions { Iterations = 3 },
            _ => throw new InvalidOperationException("no server configured")));

        Assert.Equal("an exploration worker failed: the setup threw InvalidOperationException: no server configured", problem.Message);
    }
}
