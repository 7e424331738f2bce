using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using Xunit;

namespace ActorHyper.Exploration.Tests.Models;

/// <summary>Timers at real durations: a timeout of seconds races a reply of a few deliveries, loops move the clock, and each timer model allows its orders.</summary>
public sealed class TimerModelTests
{
    [Theory]
    [InlineData(StrategyKind.Random)]
    [InlineData(StrategyKind.Pct)]
    [InlineData(StrategyKind.Pos)]
    [InlineData(StrategyKind.Portfolio)]
    public void A_two_second_timeout_racing_a_reply_is_found_by_every_strategy(StrategyKind strategy)
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = strategy, Iterations = 2_000, Seed = 11 }, Retrying(correct: false));

        Assert.NotEmpty(report.Violations);
        Assert.Equal("crash", report.Violations[0].Invariant);
        Assert.Contains("counted while waiting", report.Violations[0].Failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StrategyKind.Random)]
    [InlineData(StrategyKind.Pct)]
    [InlineData(StrategyKind.Pos)]
    public void The_correct_client_passes_every_strategy(StrategyKind strategy)
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = strategy, Iterations = 1_000, Seed = 11 }, Retrying(correct: true));

        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Pct_of_depth_2_reaches_a_bug_of_three_timeouts_beating_replies_within_the_models_early_timer_budget()
    {
        static void GivingUp(IActorContext context)
        {
            var server = context.ActorOf(Props.Create(() => new TimerToys.Server()), "server");
            context.ActorOf(Props.Create(() => new TimerToys.GivingUpClient(server)), "client").Tell("go");
        }

        ExplorationReport Pct(int earlyTimers) => ActorExploration.Explore(
            new ExplorationOptions { Strategy = StrategyKind.Pct, Depth = 2, Iterations = 2_000, Seed = 3, PctSteps = 10_000 }, GivingUp,
            settings: new ActorExplorationSettings { Model = ExecutionModel.LocalActors with { EarlyTimers = earlyTimers } });

        // Priorities for the whole run (its step range far beyond it): no random walk to fall back on.
        // Three early timeouts are more than PCT's two wins at depth 2: they spend the model's budget, not PCT's.
        var found = Pct(earlyTimers: 3);
        Assert.NotEmpty(found.Violations);
        Assert.Contains("declared a live server dead", found.Violations[0].Failure.Reason, StringComparison.Ordinal);
        // With a budget of two the model itself rules it out, and no schedule finds it.
        Assert.Empty(Pct(earlyTimers: 2).Violations);
    }

    [Fact]
    public void Under_the_clocked_race_a_polling_loop_moves_the_clock_until_its_100_ms_timer_fires()
    {
        // One step is 1 µs: 100 ms of polling is about 100,000 deliveries, then the timer is due and ends the loop.
        var polls = new int[1];
        var clocked = ExecutionModel.LocalActors with { Race = TimerRace.Clocked, Horizon = TimeSpan.FromMilliseconds(1) };
        var report = ActorExploration.Run(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 1 },
            context =>
            {
                polls[0] = 0;
                context.ActorOf(Props.Create(() => new TimerToys.Poller(polls)), "poller").Tell("go");
            },
            settings: new ActorExplorationSettings { Model = clocked, StepLimit = 1_000_000 });

        Assert.All(report.Schedules, s => Assert.Equal(RunOutcome.Quiescent, s.Outcome));
        Assert.InRange(polls[0], 99_000, 100_001);
    }

    [Fact]
    public void Under_the_uniform_race_a_polling_loop_meets_its_timer_soon()
    {
        var polls = new int[1];
        var most = 0;
        ActorExploration.Run(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 50 },
            context =>
            {
                most = Math.Max(most, polls[0]);
                polls[0] = 0;
                context.ActorOf(Props.Create(() => new TimerToys.Poller(polls)), "poller").Tell("go");
            },
            settings: new ActorExplorationSettings { StepLimit = 100_000 });

        Assert.InRange(most, 0, 1_000);
    }

    [Fact]
    public void Due_order_fires_the_earlier_timer_first_and_any_order_fires_either()
    {
        Assert.Equal(["1s,2s"], TimerOrders(ExecutionModel.LocalActors));
        Assert.Equal(["1s,2s", "2s,1s"], TimerOrders(ExecutionModel.LocalActors with { Timers = TimerOrder.AnyOrder }));
    }

    private static Action<IActorContext> Retrying(bool correct) => context =>
    {
        var server = context.ActorOf(Props.Create(() => new TimerToys.Server()), "server");
        context.ActorOf(Props.Create(() => new TimerToys.RetryingClient(server, correct)), "client").Tell("start");
    };

    private static List<string> TimerOrders(ExecutionModel model)
    {
        var runs = new List<List<string>>();
        ActorExploration.Run(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 100 },
            context =>
            {
                var fired = new List<string>();
                runs.Add(fired);
                context.ActorOf(Props.Create(() => new TimerToys.TwoTimers(fired)), "timers").Tell("go");
            },
            settings: new ActorExplorationSettings { Model = model });
        return [.. runs.Select(static fired => string.Join(",", fired)).Distinct().Order(StringComparer.Ordinal)];
    }
}
