using ActorHyper.Exploration.Driver;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// A strategy that looks at the run's state as it chooses (an exhaustive search: it reads
/// <see cref="ControlledDriver.StateDigest"/> and <see cref="ControlledDriver.LastStepWasLocal"/>),
/// and may end the run at a step instead of choosing: the run then stops there with
/// <see cref="RunOutcome.Pruned"/> (what follows was explored before), and its end is not judged.
/// While such a strategy is in use the driver keeps what the digests need (per-actor histories).
/// </summary>
public interface IStateAwareStrategy : ISchedulingStrategy
{
    /// <summary>The index of the choice to take at <paramref name="step"/>, or <see cref="Prune"/> to end the run here.</summary>
    int Choose(ControlledDriver driver, IReadOnlyList<Choice> choices, long step);

    /// <summary>What <see cref="Choose(ControlledDriver, IReadOnlyList{Choice}, long)"/> returns to end the run.</summary>
    public const int Prune = -1;
}
