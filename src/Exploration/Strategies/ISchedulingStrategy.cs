using ActorHyper.Exploration.Driver;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// Picks what each step of a controlled run does. It sees every choice (receiver, sender, message
/// type, the step it was sent at, whether it is a timer) and returns the index of the one to take.
/// A strategy is deterministic given its seed: the run is a function of the seed and the configuration.
/// </summary>
public interface ISchedulingStrategy
{
    string Name { get; }

    /// <summary>The index in <paramref name="choices"/> (never empty) of the choice to take at <paramref name="step"/>.</summary>
    int Choose(IReadOnlyList<Choice> choices, long step);
}
