using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Tests;

/// <summary>The exploration engine on <see cref="PlantedRace"/>: it finds the race, reports alike for any number of workers, and shrinks.</summary>
public sealed class ExplorerTests
{
    private static ExplorationReport Explore(StrategyKind strategy, int workers = 1, bool keepGoing = false, long iterations = 100, ulong seed = 0) =>
        Explorer.Run(new ExplorationOptions
        {
            Strategy = strategy,
            Iterations = iterations,
            Seed = seed,
            Workers = workers,
            KeepGoing = keepGoing,
        }, _ => new PlantedRace());

    [Theory]
    [InlineData(StrategyKind.Random)]
    [InlineData(StrategyKind.Pct)]
    [InlineData(StrategyKind.Pos)]
    [InlineData(StrategyKind.Portfolio)]
    public void Each_strategy_finds_the_planted_race_within_100_schedules(StrategyKind strategy)
    {
        var report = Explore(strategy);

        var violation = Assert.Single(report.Violations);
        Assert.Equal("m2-before-x", violation.Invariant);
        Assert.Equal(violation.Iteration + 1, report.Schedules.Count);
        Assert.Equal(IterationSeed.Of(0, violation.Iteration), violation.Seed);
        Assert.Contains(violation.Original.Story, line => line.Contains("/user/root/r ← /user/root/c: String x", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_exploration_gives_the_same_digest_and_one_worker_or_two_make_no_difference()
    {
        var once = Explore(StrategyKind.Portfolio, workers: 1, keepGoing: true, iterations: 40);
        var again = Explore(StrategyKind.Portfolio, workers: 1, keepGoing: true, iterations: 40);
        var twoWorkers = Explore(StrategyKind.Portfolio, workers: 2, keepGoing: true, iterations: 40);

        Assert.Equal(40, once.Schedules.Count);
        Assert.Equal(once.Digest, again.Digest);
        Assert.Equal(once.Digest, twoWorkers.Digest);
        Assert.Equal(once.Violations.Select(v => v.Iteration), twoWorkers.Violations.Select(v => v.Iteration));
        Assert.True(once.DistinctInterleavings > 1);
        Assert.True(once.Violations.Count > 1, "keep-going reports every violation");
        Assert.NotEqual(once.Digest, Explore(StrategyKind.Portfolio, keepGoing: true, iterations: 40, seed: 1).Digest);
    }

    [Fact]
    public void Stopping_at_the_first_violation_is_the_same_with_two_workers()
    {
        var one = Explore(StrategyKind.Random, workers: 1);
        var two = Explore(StrategyKind.Random, workers: 2);

        Assert.Equal(one.Digest, two.Digest);
        Assert.Equal(one.Schedules.Count, two.Schedules.Count);
        Assert.Equal(Assert.Single(one.Violations).Iteration, Assert.Single(two.Violations).Iteration);
    }

    [Fact]
    public void The_report_names_PCTs_bound_for_its_depth()
    {
        var report = Explorer.Run(new ExplorationOptions { Strategy = StrategyKind.Pct, Depth = 2, Iterations = 5, KeepGoing = true }, _ => new PlantedRace());

        var (depth, bound) = Assert.Single(report.PctBounds);
        Assert.Equal(2, depth);
        // PCT's chains are the channels: at least one per receiver.
        Assert.Equal(PctStrategy.Bound(report.Channels, report.MaxSteps, 2), bound);
        Assert.InRange(report.Actors, 6, 7);
        Assert.InRange(report.Channels, report.Actors, 4 * report.Actors);
        using var calibration = new PlantedRace();
        Assert.Equal(calibration.Run(0, new RandomStrategy(0)).Steps, report.PctSteps);
    }

    [Fact]
    public void A_runner_that_throws_stops_the_exploration_with_its_message()
    {
        var problem = Assert.Throws<ExplorationException>(() => Explorer.Run(
            new ExplorationOptions { Iterations = 10, Workers = 2 },
            worker => worker == 1 ? throw new InvalidOperationException("no machine for worker 1") : new PlantedRace()));

        Assert.Equal("an exploration worker failed: no machine for worker 1", problem.Message);
    }
}
