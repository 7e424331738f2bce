namespace ActorHyper.Exploration.Strategies;

/// <summary>Which strategies an exploration runs its schedules under.</summary>
public enum StrategyKind
{
    /// <summary><see cref="RandomStrategy"/>: a uniform random walk.</summary>
    Random,

    /// <summary><see cref="PctStrategy"/> with the exploration's depth.</summary>
    Pct,

    /// <summary><see cref="PosStrategy"/>: partial-order sampling.</summary>
    Pos,

    /// <summary><see cref="DfsExplorer"/>: exhaustive depth-first search with sleep sets and state caching.</summary>
    Dfs,

    /// <summary>Iteration by iteration in turn: random, PCT of depth 1, 2 and 3, POS.</summary>
    Portfolio,
}
