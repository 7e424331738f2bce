namespace ActorHyper.Exploration;

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
