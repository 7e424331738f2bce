using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// When a timer not yet due fires ahead of what is ready, for strategies that order receivers (PCT,
/// POS): as <see cref="RandomStrategy"/> does, each step is taken to last <see cref="StepTime"/> of
/// virtual time, so the earliest timer due within <see cref="Horizon"/> fires at a step with chance
/// StepTime / (time until due). A 1 ms timeout then races a reply that takes a thousand deliveries,
/// while a 30 s wait still fires only when the system idles. Draws come from a stream of their own,
/// and only while such a timer is pending, so a run without near timers is the strategy's alone.
/// A <paramref name="budget"/> bounds the early firings of one run (one strategy object): PCT's strict
/// priorities starve an actor while a spin loop's short timer keeps the others busy, and a spin
/// woken early at every chance ran PCT's schedules of the default scenario seven times as long.
/// </summary>
public sealed class NearTimers(ulong seed, TimeSpan? stepTime = null, TimeSpan? horizon = null, int budget = int.MaxValue)
{
    private readonly DeterministicRandom _random = new(seed ^ 0x7133_7133_7133_7133UL);
    private int _left = budget;

    public TimeSpan StepTime { get; } = stepTime ?? RandomStrategy.DefaultStepTime;

    public TimeSpan Horizon { get; } = horizon ?? RandomStrategy.DefaultHorizon;

    /// <summary>The index of the earliest timer not yet due if it fires at this step, ahead of the ready choices; otherwise -1.</summary>
    public int FireEarly(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (earliest, anyReady) = choices is ChoiceList listed ? Listed(listed) : Searched(choices);

        // With nothing ready the strategy takes the timer anyway: time passes when the system idles.
        if (earliest < 0 || !anyReady || _left == 0)
        {
            return -1;
        }

        var dueIn = choices[earliest].DueIn!.Value;
        if (dueIn > Horizon || _random.NextDouble() * dueIn.Ticks >= StepTime.Ticks)
        {
            return -1;
        }

        _left--;
        return earliest;
    }

    /// <summary>
    /// The driver's list, in constant time at every step: it counts the timers not yet due, puts
    /// them last, and offers only the earliest due time's, so the first of them is the earliest.
    /// </summary>
    private static (int Earliest, bool AnyReady) Listed(ChoiceList choices) =>
        choices.FutureTimers == 0 ? (-1, true) : (choices.Count - choices.FutureTimers, choices.FutureTimers < choices.Count);

    private static (int Earliest, bool AnyReady) Searched(IReadOnlyList<Choice> choices)
    {
        var earliest = -1;
        var anyReady = false;
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (!choice.IsFutureTimer)
            {
                anyReady = true;
            }
            else if (earliest < 0 || choice.DueIn < choices[earliest].DueIn)
            {
                earliest = i;
            }
        }

        return (earliest, anyReady);
    }
}
