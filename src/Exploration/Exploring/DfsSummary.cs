using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// What a depth-first exploration (<see cref="DfsExplorer"/>) says beyond the schedules: whether it
/// exhausted the tree (<see cref="Exhaustive"/>: every order of dependent transitions was run; with
/// <see cref="DepthBounded"/>, only up to the step limit, which some schedule reached), how many
/// distinct states it saw (by digest; without caching, the steps at which it branched), how the
/// pruning went, and the new states at each step (the growth, when the tree is out of reach). With a
/// <see cref="DeviationBound"/>, exhaustive means every schedule with at most that many deviations.
/// </summary>
public sealed record DfsSummary(
    bool Exhaustive,
    int? DeviationBound,
    bool DepthBounded,
    long States,
    bool Caching,
    string? CachingOffReason,
    long CacheHits,
    long SleepBlocked,
    long Slept,
    IReadOnlyList<long> StatesPerDepth)
{
    /// <summary>The tree's size as the search saw it (<see cref="DfsTree.Estimate"/>): exact once exhausted.</summary>
    public DfsTreeEstimate Estimate { get; init; }
}
