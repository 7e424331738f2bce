namespace ActorHyper.Exploration.Strategies;

/// <summary>The strategy of each iteration: a function of the kind, the iteration, its seed and the PCT settings only.</summary>
public static class ExplorationStrategies
{
    public static string NameOf(StrategyKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses <c>random</c>, <c>pct</c>, <c>pos</c>, <c>dfs</c> or <c>portfolio</c>.</summary>
    public static bool TryParse(string? text, out StrategyKind kind)
    {
        foreach (var candidate in Enum.GetValues<StrategyKind>())
        {
            if (string.Equals(NameOf(candidate), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>
    /// The strategy of iteration <paramref name="iteration"/>, whose seed is <paramref name="seed"/>:
    /// PCT draws its change points among the first <paramref name="pctSteps"/> steps.
    /// </summary>
    public static ISchedulingStrategy For(StrategyKind kind, long iteration, ulong seed, int depth, long pctSteps, TimeSpan? pctOverdue = null) => kind switch
    {
        StrategyKind.Random => new RandomStrategy(seed),
        StrategyKind.Pct => new PctStrategy(seed, depth, Math.Max(1, pctSteps), pctOverdue),
        StrategyKind.Pos => new PosStrategy(seed),
        StrategyKind.Dfs => throw new ArgumentException("a DFS schedule comes from its search (DfsExplorer), not from an iteration", nameof(kind)),
        StrategyKind.Portfolio => PortfolioStrategy.For(iteration, seed, pctSteps, pctOverdue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such strategy"),
    };

    /// <summary>The PCT depths an exploration of <paramref name="kind"/> runs (none for random and POS).</summary>
    public static IReadOnlyList<int> PctDepths(StrategyKind kind, int depth) => kind switch
    {
        StrategyKind.Pct => [depth],
        StrategyKind.Portfolio => PortfolioStrategy.PctDepths,
        _ => [],
    };
}
