namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// The portfolio: iteration by iteration in turn, a random walk, PCT of depth 1, 2 and 3, and POS, so
/// that one exploration tries each kind of schedule without the user choosing among them.
/// </summary>
public static class PortfolioStrategy
{
    /// <summary>The rotation's length; iteration i takes entry i mod 5.</summary>
    public const int Size = 5;

    /// <summary>The PCT depths the rotation runs.</summary>
    public static IReadOnlyList<int> PctDepths { get; } = [1, 2, 3];

    /// <summary>The strategy of iteration <paramref name="iteration"/>, whose seed is <paramref name="seed"/>.</summary>
    public static ISchedulingStrategy For(long iteration, ulong seed, long pctSteps, TimeSpan? pctOverdue = null) => (iteration % Size) switch
    {
        0 => new RandomStrategy(seed),
        1 => new PctStrategy(seed, 1, Math.Max(1, pctSteps), pctOverdue),
        2 => new PctStrategy(seed, 2, Math.Max(1, pctSteps), pctOverdue),
        3 => new PctStrategy(seed, 3, Math.Max(1, pctSteps), pctOverdue),
        _ => new PosStrategy(seed),
    };
}
