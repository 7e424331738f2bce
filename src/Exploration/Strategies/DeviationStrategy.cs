using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// What shrinking tries: the default order (the first choice) at every step but the kept deviations,
/// where it takes the recorded decision by identity if that is one of the step's choices (else the
/// first). Removing one deviation thus leaves the others where they were, which a
/// <see cref="ReplayStrategy"/> of an edited list would not: it goes to the default order for good
/// at the first decision that no longer matches.
/// </summary>
public sealed class DeviationStrategy(IReadOnlyDictionary<long, Decision> deviations) : ISchedulingStrategy
{
    private readonly IReadOnlyDictionary<long, Decision> _deviations = deviations ?? throw new ArgumentNullException(nameof(deviations));

    public string Name => "deviations";

    public int Choose(IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (!_deviations.TryGetValue(step, out var wanted))
        {
            return 0;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Identity == wanted)
            {
                return i;
            }
        }

        return 0;
    }
}
