using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// What an exploration found. Everything but the timings depends only on the options and the system
/// explored, not on the number of workers: schedules are merged by iteration.
/// </summary>
public sealed record ExplorationReport
{
    public required ExplorationOptions Options { get; init; }

    /// <summary>Every schedule run, in iteration order (up to the first violation, unless keep-going).</summary>
    public required IReadOnlyList<ScheduleSummary> Schedules { get; init; }

    public required IReadOnlyList<Violation> Violations { get; init; }

    /// <summary>Wall time of the schedules (machines built, calibration done), shrinking included.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Steps of the calibration run, if one was made (PCT's range when none was given).</summary>
    public required long PctSteps { get; init; }

    /// <summary>Receivers decided on in the calibration run.</summary>
    public required int Actors { get; init; }

    /// <summary>Sender→receiver channels decided on in the calibration run (a receiver's timers one): PCT's n, its chains.</summary>
    public int Channels { get; init; }

    /// <summary>The execution model the schedules were made under (delivery order, timers, step time), as the calibration run had it.</summary>
    public ExecutionModel? Model { get; init; }

    /// <summary>For <see cref="StrategyKind.Dfs"/>: exhaustion, states, pruning; null for the other strategies.</summary>
    public DfsSummary? Dfs { get; init; }

    /// <summary>
    /// The (actor type, message type, state) triples delivered over every reported schedule, sorted:
    /// the same for any number of workers (a triple counts if a reported iteration saw it).
    /// </summary>
    public IReadOnlyList<CoverageTriple> Coverage { get; init; } = [];

    public double SchedulesPerSecond => Elapsed > TimeSpan.Zero ? Schedules.Count / Elapsed.TotalSeconds : 0;

    /// <summary>Distinct trace hashes among the schedules.</summary>
    public int DistinctInterleavings => Schedules.Select(static s => s.TraceHash).Distinct().Count();

    public long MaxSteps => Schedules.Count == 0 ? 0 : Schedules.Max(static s => s.Steps);

    /// <summary>User messages that became dead letters, over every schedule.</summary>
    public long DeadLetters => Schedules.Sum(static s => (long)s.DeadLetters);

    /// <summary>Schedules in which at least one user message became a dead letter.</summary>
    public int SchedulesWithDeadLetters => Schedules.Count(static s => s.DeadLetters > 0);

    /// <summary>
    /// Schedules and wall time to the first violation (in iteration order), shrinking excluded; null
    /// without a violation. With several workers the time is when that schedule ended, whoever ran it.
    /// </summary>
    public TimeToViolation? FirstViolationAfter => Violations.Count == 0
        ? null
        : new TimeToViolation(Schedules.Count(s => s.Iteration <= Violations[0].Iteration), Violations[0].FoundAfter);

    /// <summary>Faults injected, over every schedule.</summary>
    public long FaultsInjected => Schedules.Sum(static s => (long)s.Faults);

    /// <summary>Schedules that had at least one fault injected.</summary>
    public int SchedulesWithFaults => Schedules.Count(static s => s.Faults > 0);

    /// <summary>Every schedule's trace hash folded in iteration order: one number to compare two explorations by.</summary>
    public ulong Digest => Schedules.Aggregate(StableHash.Offset, static (digest, s) => StableHash.Add(digest, s.TraceHash));

    /// <summary>
    /// Per PCT depth d run, the lower bound 1/(n·k^(d−1)) on finding a given bug of depth d in one run,
    /// with n the channels (<see cref="Channels"/>: PCT's chains, as PCTCP counts them) and k the most
    /// steps a schedule made (<see cref="MaxSteps"/>).
    /// </summary>
    public IReadOnlyList<(int Depth, double Bound)> PctBounds =>
        [.. ExplorationStrategies.PctDepths(Options.Strategy, Options.Depth)
            .Select(d => (d, PctStrategy.Bound(Math.Max(1, Channels), Math.Max(1, MaxSteps), d)))];
}
