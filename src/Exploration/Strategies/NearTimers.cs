using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// When a timer not yet due fires ahead of what is ready under the clocked race
/// (<see cref="TimerRace.Clocked"/>), for strategies that order what is ready by priorities (PCT,
/// POS): as <see cref="RandomStrategy"/> does, the earliest such timer fires at a step with its
/// <see cref="Choice.EarlyChance"/> (step time / time until due). Draws come from a stream of their
/// own, and only while such a timer is pending, so a run without one is the strategy's alone. A
/// <paramref name="budget"/> bounds the early firings of one run (one strategy object): PCT's strict
/// priorities starve an actor while a spin loop's short timer keeps the others busy, and a spin
/// woken early at every chance ran PCT's schedules of the default scenario seven times as long.
/// Under the uniform race no timer is "not yet due" to a strategy: each is a choice like a message.
/// </summary>
public sealed class NearTimers(ulong seed, int budget = int.MaxValue)
{
    private readonly DeterministicRandom _random = new(seed ^ 0x7133_7133_7133_7133UL);
    private int _left = budget;

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

        if (_random.NextDouble() >= choices[earliest].EarlyChance)
        {
            return -1;
        }

        _left--;
        return earliest;
    }

    /// <summary>
    /// The driver's list, in constant time at every step: it counts the timers not yet due and puts
    /// them last, earliest first.
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
