using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// Replays a list of decisions by identity. While the recorded decision names one of the choices it
/// takes it; once the list ends or a decision names no choice (an edited or shortened list), it goes
/// on in the default order, the first choice, and says at which step it stopped matching.
/// </summary>
public sealed class ReplayStrategy(IReadOnlyList<Decision> decisions) : ISchedulingStrategy
{
    private readonly IReadOnlyList<Decision> _decisions = decisions ?? throw new ArgumentNullException(nameof(decisions));
    private int _next;

    public string Name => "replay";

    /// <summary>The first step at which the recorded decision named no choice, if any.</summary>
    public long? DivergedAt { get; private set; }

    /// <summary>True once every recorded decision has been taken.</summary>
    public bool Completed => DivergedAt is null && _next >= _decisions.Count;

    /// <summary>Recorded decisions taken so far.</summary>
    public int Matched => _next;

    public int Choose(IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (DivergedAt is not null || _next >= _decisions.Count)
        {
            return 0;
        }

        var wanted = _decisions[_next];
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Identity == wanted)
            {
                _next++;
                return i;
            }
        }

        DivergedAt = step;
        return 0;
    }
}
