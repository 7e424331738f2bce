using System.Collections.Concurrent;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>Iteration seeds mixed from (seed, iteration), the per-schedule callback, and the time to the first violation.</summary>
public sealed class SeedAndReportTests
{
    private static ExplorationReport Explore(ulong seed, long iterations = 100, bool keepGoing = true, bool shrink = false, int workers = 1,
        Action<ScheduleSummary>? onSchedule = null, StrategyKind strategy = StrategyKind.Random) =>
        Explorer.Run(new ExplorationOptions
        {
            Strategy = strategy,
            Iterations = iterations,
            Seed = seed,
            KeepGoing = keepGoing,
            Shrink = shrink,
            Workers = workers,
            OnSchedule = onSchedule,
        }, _ => new PlantedRace());

    [Fact]
    public void Nearby_seeds_give_unrelated_iteration_seeds()
    {
        var seeds = Enumerable.Range(1, 5).SelectMany(seed => Enumerable.Range(0, 1000).Select(i => IterationSeed.Of((ulong)seed, i))).ToList();

        // With seed S + i, seeds 1..5 over 1000 iterations each had only 1004 seeds between them.
        Assert.Equal(5000, seeds.Distinct().Count());
        Assert.Equal(IterationSeed.Of(7, 3), IterationSeed.Of(7, 3));
    }

    [Fact]
    public void Two_nearby_seeds_share_almost_no_schedule()
    {
        var one = Explore(seed: 1);
        var two = Explore(seed: 2);
        var shared = one.Schedules.Select(s => s.TraceHash).Intersect(two.Schedules.Select(s => s.TraceHash)).Count();

        Assert.True(one.DistinctInterleavings > 90, $"{one.DistinctInterleavings} interleavings in 100 schedules");
        // A toy has a few hundred orders, so two unrelated samples share some by chance; with seeds S + i they shared 99 of 100.
        Assert.True(shared <= 5, $"seeds 1 and 2 share {shared} of their 100 schedules");
        Assert.All(one.Schedules, s => Assert.Equal(IterationSeed.Of(1, s.Iteration), s.Seed));
    }

    [Fact]
    public void A_violation_keeps_its_iteration_seed_and_replays_from_it()
    {
        var report = Explore(seed: 5, keepGoing: false, shrink: true);
        var violation = Assert.Single(report.Violations);
        using var runner = new PlantedRace();

        var replayed = runner.Run(violation.Seed, new ReplayStrategy(violation.Schedule.Decisions));

        Assert.Equal(IterationSeed.Of(5, violation.Iteration), violation.Seed);
        Assert.Equal((violation.Schedule.TraceHash, "m2-before-x"), (replayed.TraceHash, replayed.Failure?.Monitor));
    }

    [Theory]
    [InlineData(StrategyKind.Portfolio, 1)]
    [InlineData(StrategyKind.Portfolio, 2)]
    [InlineData(StrategyKind.Dfs, 1)]
    public void The_callback_is_called_once_per_schedule_shrinking_excluded(StrategyKind strategy, int workers)
    {
        var seen = new ConcurrentBag<long>();
        var options = new ExplorationOptions { Strategy = strategy, Iterations = 60, KeepGoing = true, Workers = workers, OnSchedule = s => seen.Add(s.Iteration) };
        // The search's own toy has a race it finds within its 12 traces; the other strategies find PlantedRace's.
        var report = Explorer.Run(options, _ => strategy == StrategyKind.Dfs ? new DfsToy(plantRace: true) : new PlantedRace());

        Assert.NotEmpty(report.Violations);
        Assert.Equal(report.Schedules.Select(s => s.Iteration), seen.Order());
    }

    [Fact]
    public void The_callback_is_called_once_per_schedule_from_actor_exploration()
    {
        var seen = 0;
        var report = ActorExploration.Run(new ExplorationOptions { Iterations = 25, OnSchedule = _ => Interlocked.Increment(ref seen) },
            context => context.ActorOf(Props.Create(() => new FindingToys.StringsOnly()), "strings").Tell("hello"));

        Assert.Equal((25, 25), (report.Schedules.Count, seen));
    }

    [Fact]
    public void The_time_to_the_first_violation_counts_its_schedules_and_leaves_shrinking_out()
    {
        var report = Explore(seed: 0, iterations: 60, shrink: true);
        var first = report.Violations[0];
        var second = report.Violations[1];
        var after = report.FirstViolationAfter!;

        Assert.Equal(first.Iteration + 1, after.Schedules);
        Assert.Equal(first.FoundAfter, after.Elapsed);
        Assert.True(first.ShrinkTime > TimeSpan.Zero && after.Elapsed > TimeSpan.Zero);
        // Each violation's time leaves out the shrinking before it: with it, the shrinking would count twice here.
        Assert.True(second.FoundAfter + first.ShrinkTime + second.ShrinkTime <= report.Elapsed,
            $"second found after {second.FoundAfter}, shrinking {first.ShrinkTime} and {second.ShrinkTime}, elapsed {report.Elapsed}");
        Assert.True(after.Elapsed + first.ShrinkTime <= report.Elapsed);
    }

    [Fact]
    public void Without_a_violation_there_is_no_time_to_one()
    {
        var report = ActorExploration.Run(new ExplorationOptions { Iterations = 5 },
            context => context.ActorOf(Props.Create(() => new FindingToys.StringsOnly()), "strings").Tell("hello"));

        Assert.Null(report.FirstViolationAfter);
    }
}
