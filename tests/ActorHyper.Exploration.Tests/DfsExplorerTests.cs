using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Tests;

/// <summary>The depth-first search on <see cref="DfsToy"/>: its counts against the hand-computed traces, its pruning, its finds.</summary>
public sealed class DfsExplorerTests
{
    /// <summary>Orders of r's four messages with a1 before a2: 4!/2!.</summary>
    private const int Traces = 12;

    private static ExplorationReport Explore(bool counting = false, bool planted = false, bool sleepSets = true, bool caching = true,
        int workers = 1, bool keepGoing = false, int? bound = null) =>
        Explorer.Run(new ExplorationOptions
        {
            Strategy = StrategyKind.Dfs,
            Iterations = 10_000,
            Workers = workers,
            KeepGoing = keepGoing,
            SleepSets = sleepSets,
            StateCaching = caching,
            DeviationBound = bound,
        }, _ => new DfsToy(counting, planted));

    private static int Completed(ExplorationReport report) => report.Schedules.Count(static s => s.Outcome != RunOutcome.Pruned);

    [Fact]
    public void Sleep_sets_run_each_Mazurkiewicz_trace_once_and_the_search_is_exhaustive()
    {
        var report = Explore();

        var dfs = report.Dfs!;
        Assert.True(dfs.Exhaustive);
        Assert.False(dfs.DepthBounded);
        Assert.True(dfs.Caching);
        Assert.Equal(Traces, Completed(report));
        // Every completed schedule is another trace: r's order differs, so does the trace hash.
        Assert.Equal(report.Schedules.Count, report.DistinctInterleavings);
        Assert.Empty(report.Violations);
    }

    [Fact]
    public void Without_sleep_sets_every_interleaving_is_run()
    {
        var pruned = Explore(caching: false);
        var full = Explore(sleepSets: false, caching: false);

        // go, then three chains (a: go a1 a2, b: go b1, c: go c1) interleaved: 7!/(3!·2!·2!) = 210.
        Assert.Equal(210, full.Schedules.Count);
        Assert.Equal(210, Completed(full));
        Assert.True(full.Dfs!.Exhaustive);
        Assert.Equal(Traces, Completed(pruned));
        Assert.True(pruned.Schedules.Count < full.Schedules.Count, $"{pruned.Schedules.Count} schedules with sleep sets, {full.Schedules.Count} without");
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, false)]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    public void Once_exhausted_the_estimate_of_the_tree_is_the_schedules_it_ran(bool sleepSets, bool caching, bool counting)
    {
        var report = Explore(counting: counting, sleepSets: sleepSets, caching: caching);

        Assert.True(report.Dfs!.Exhaustive);
        var estimate = report.Dfs.Estimate;
        // Every schedule's weight (the chance a random probe follows its path) summed: all of the tree.
        Assert.Equal(report.Schedules.Count, estimate.Schedules);
        Assert.Equal(0, estimate.Log10Covered, 9);
        Assert.Equal(report.Schedules.Count, estimate.Total, 6);
        Assert.Equal(0, estimate.Remaining, 6);
    }

    [Fact]
    public void Midway_the_estimate_counts_more_than_was_run_and_each_schedule_carries_it()
    {
        // The 210 interleavings, stopped after 30.
        var report = Explorer.Run(new ExplorationOptions { Strategy = StrategyKind.Dfs, Iterations = 30, SleepSets = false, StateCaching = false },
            _ => new DfsToy());

        var estimate = report.Dfs!.Estimate;
        Assert.False(report.Dfs.Exhaustive);
        Assert.Equal(30, estimate.Schedules);
        Assert.InRange(estimate.Covered, 1e-6, 0.999);
        Assert.True(estimate.Total > 30, $"{estimate}");
        Assert.Matches(@"^about [\d,]+ schedules in all, [\d,]+ left \([\d.]+% of the tree's weight covered\)$", estimate.ToString());
        // Each schedule's summary has the estimate as of the schedules before it.
        Assert.Equal(Enumerable.Range(0, 30).Select(static i => (long)i), report.Schedules.Select(static s => s.Tree!.Value.Schedules));
        Assert.All(Explore().Schedules, static s => Assert.NotNull(s.Tree));
    }

    [Fact]
    public void State_caching_merges_orders_that_reach_one_state()
    {
        var cached = Explore(counting: true);
        var uncached = Explore(counting: true, caching: false);

        Assert.True(cached.Dfs!.Exhaustive);
        Assert.True(cached.Dfs.CacheHits > 0);
        Assert.Equal(Traces, Completed(uncached));
        Assert.True(Completed(cached) < Completed(uncached), $"{Completed(cached)} completed schedules with caching, {Completed(uncached)} without");
        Assert.True(cached.Schedules.Sum(static s => s.Steps) < uncached.Schedules.Sum(static s => s.Steps));
        // The counting receiver's states: r has taken 0..4 messages, with a, b and c each done or not...
        Assert.True(cached.Dfs.States < uncached.Dfs!.States, $"{cached.Dfs.States} states with caching, {uncached.Dfs.States} nodes without");

        // ...and a receiver that keeps the order (its history stands for its state) merges nothing.
        Assert.Equal(0, Explore().Dfs!.CacheHits);
    }

    [Fact]
    public void The_planted_race_is_found_and_its_decisions_replay_to_it()
    {
        var report = Explore(planted: true);

        var violation = Assert.Single(report.Violations);
        Assert.Equal("b1-between-a1-and-a2", violation.Invariant);
        Assert.Equal("dfs", violation.Strategy);
        Assert.False(report.Dfs!.Exhaustive);
        using var toy = new DfsToy(plantRace: true);
        var replayed = toy.Run(0, new ReplayStrategy(violation.Schedule.Decisions));
        Assert.Equal("b1-between-a1-and-a2", replayed.Failure?.Monitor);
        Assert.Equal(violation.Schedule.TraceHash, replayed.TraceHash);

        // Three orders of r's messages fail (c1 before a1, between a1 and b1, or not yet taken when b1
        // comes); a failing run ends at b1, so c's own "go" before or after it makes another prefix.
        var all = Explore(planted: true, keepGoing: true);
        Assert.True(all.Dfs!.Exhaustive);
        Assert.InRange(all.Violations.Count, 3, Traces);
        Assert.All(all.Violations, v => Assert.Contains(v.Original.Story, line => line.EndsWith("String b1", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_worker_or_two_run_the_same_search()
    {
        var one = Explore(counting: true, workers: 1);
        var two = Explore(counting: true, workers: 2);

        Assert.Equal(one.Digest, two.Digest);
        Assert.Equal(one.Schedules.Count, two.Schedules.Count);
        Assert.Equal(one.Dfs!.States, two.Dfs!.States);
        Assert.Equal(one.Digest, Explore(counting: true).Digest);
    }

    [Fact]
    public void A_deviation_bound_runs_the_schedules_within_it()
    {
        var none = Explore(sleepSets: false, caching: false, bound: 0);
        var one = Explore(caching: false, bound: 1);

        Assert.Single(none.Schedules);
        Assert.True(none.Dfs!.Exhaustive);
        Assert.Equal(0, none.Dfs.DeviationBound);
        Assert.True(one.Dfs!.Exhaustive);
        Assert.InRange(one.Schedules.Count, 2, 209);
        Assert.All(one.Schedules, s => Assert.NotEqual(RunOutcome.Pruned, s.Outcome));
    }
}
