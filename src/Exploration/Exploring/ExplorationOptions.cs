using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>How an exploration runs: iteration i (from 0) uses the seed <see cref="IterationSeed.Of"/>(<see cref="Seed"/>, i).</summary>
public sealed record ExplorationOptions
{
    public StrategyKind Strategy { get; init; } = StrategyKind.Portfolio;

    /// <summary>Schedules to run (for DFS, at most: it stops earlier when the tree is exhausted).</summary>
    public long Iterations { get; init; } = 100;

    public ulong Seed { get; init; }

    /// <summary>PCT's depth (the portfolio runs depths 1 to 3 whatever this says).</summary>
    public int Depth { get; init; } = 2;

    /// <summary>
    /// PCT draws its change points among this many first steps. Null: the steps of a calibration run
    /// (the random walk of <see cref="Seed"/>), which every worker makes alike before exploring.
    /// </summary>
    public long? PctSteps { get; init; }

    /// <summary>PCT (alone or in the portfolio): a due timer this far overdue fires ahead of every message (<see cref="PctStrategy.DefaultOverdue"/>).</summary>
    public TimeSpan PctOverdue { get; init; } = PctStrategy.DefaultOverdue;

    /// <summary>Worker threads, each with its own system; the report is the same for any number.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Go on after a violation (else stop at the first, in iteration order).</summary>
    public bool KeepGoing { get; init; }

    /// <summary>Shrink each violation's schedule.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>DFS: skip global states seen before (when every monitor gives a digest).</summary>
    public bool StateCaching { get; init; } = true;

    /// <summary>DFS: at most this many deviations from the default order per schedule (iterative bounding's bound); null: none.</summary>
    public int? DeviationBound { get; init; }

    /// <summary>DFS: sleep sets (orders of independent deliveries are run once).</summary>
    public bool SleepSets { get; init; } = true;

    public int ShrinkBudget { get; init; } = Shrinker.DefaultBudget;

    /// <summary>Run only this shard's iterations (<see cref="Shard"/>); all of them by default.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>
    /// Called after each schedule (progress), on the worker's thread that ran it, so from several
    /// threads at once when <see cref="Workers"/> is more than 1; shrinking's replays are not schedules.
    /// </summary>
    public Action<ScheduleSummary>? OnSchedule { get; init; }
}
