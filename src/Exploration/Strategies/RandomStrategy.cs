using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// A random walk from a seeded stream: every choice that can happen now is taken uniformly (under
/// the uniform timer race, a timer not yet due is one of them). Under the clocked race
/// (<see cref="TimerRace.Clocked"/>) a timer not yet due fires first with its
/// <see cref="Choice.EarlyChance"/> (step time / time until due): a 1 ms timeout then fires after
/// about a thousand deliveries, racing replies that are slow to come. With nothing else to do, a
/// timer is always taken.
/// </summary>
public sealed class RandomStrategy(ulong seed) : ISchedulingStrategy
{
    private readonly DeterministicRandom _random = new(seed ^ 0x5EED_5EED_5EED_5EEDUL);

    public string Name => "random";

    public ulong Seed { get; } = seed;

    public int Choose(IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 1)
        {
            return 0;
        }

        // Timers not yet due are the earliest ones, all due at once: one draw decides for them. The
        // driver's list puts them last and counts them; any other list is searched.
        int future;
        int futureCount;
        if (choices is ChoiceList listed)
        {
            futureCount = listed.FutureTimers;
            future = futureCount > 0 ? choices.Count - futureCount : -1;
        }
        else
        {
            (future, futureCount) = FindFutureTimers(choices);
        }

        var now = choices.Count - futureCount;
        if (future >= 0)
        {
            if (now == 0 || _random.NextDouble() < choices[future].EarlyChance)
            {
                return future;
            }
        }

        // Uniform among the choices that can happen now: the k-th of them.
        var k = _random.Next(now);
        if (futureCount == 0 || choices is ChoiceList)
        {
            return k;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (!choices[i].IsFutureTimer && k-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("unreachable: fewer choices than counted");
    }

    private static (int First, int Count) FindFutureTimers(IReadOnlyList<Choice> choices)
    {
        var first = -1;
        var count = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].IsFutureTimer)
            {
                first = first < 0 ? i : first;
                count++;
            }
        }

        return (first, count);
    }
}
