using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// A random walk from a seeded stream. Messages and overdue timers are taken uniformly. A timer not
/// yet due, but due within <see cref="Horizon"/>, races the messages as if each step took
/// <see cref="StepTime"/> of virtual time: at each step it fires first with chance StepTime / (time
/// until due). A 1 ms timeout then fires after about a thousand deliveries, racing replies that are
/// slow to come; a timer due beyond the horizon (a 30 s wait) fires only when nothing else can run,
/// as a boot of a few thousand messages takes milliseconds, not seconds. With nothing else to do, a
/// timer is always taken.
/// </summary>
public sealed class RandomStrategy(ulong seed, TimeSpan? stepTime = null, TimeSpan? horizon = null) : ISchedulingStrategy
{
    public static readonly TimeSpan DefaultStepTime = TimeSpan.FromTicks(10); // 1 µs

    /// <summary>Ten thousand steps of <see cref="DefaultStepTime"/>.</summary>
    public static readonly TimeSpan DefaultHorizon = TimeSpan.FromMilliseconds(10);

    private readonly DeterministicRandom _random = new(seed ^ 0x5EED_5EED_5EED_5EEDUL);

    public string Name => "random";

    public ulong Seed { get; } = seed;

    public TimeSpan StepTime { get; } = stepTime ?? DefaultStepTime;

    public TimeSpan Horizon { get; } = horizon ?? DefaultHorizon;

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
            var dueIn = choices[future].DueIn!.Value;
            if (now == 0 || (dueIn <= Horizon && _random.NextDouble() * dueIn.Ticks < StepTime.Ticks))
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
