using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// Partial-order sampling in the manner of POS (Yuan, Yang, Gu 2018), over receivers: each receiver
/// gets a random priority when first seen, and every step delivers to the ready receiver of highest
/// priority; once it has received, its priority is drawn again (what it just took may race with what
/// it holds next). Among that receiver's choices (its channels, its timers) one is drawn uniformly,
/// so two senders racing to one receiver are ordered both ways. A timer not yet due is taken when
/// nothing else is ready, or earlier if it is due soon (<see cref="NearTimers"/>), as in <see cref="PctStrategy"/>. Unlike a random walk, a receiver that
/// drew a low priority keeps being starved while others run: long, rare orders become likely.
/// </summary>
public sealed class PosStrategy : ISchedulingStrategy
{
    private readonly DeterministicRandom _random;
    private readonly Dictionary<string, ulong> _priorities = new(StringComparer.Ordinal);
    private readonly List<int> _candidates = [];
    private readonly NearTimers _nearTimers;

    public PosStrategy(ulong seed)
    {
        Seed = seed;
        _random = new DeterministicRandom(seed ^ 0x9055_9055_9055_9055UL);
        _nearTimers = new NearTimers(seed);
    }

    public string Name => "pos";

    public ulong Seed { get; }

    public int Choose(IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 1)
        {
            return 0;
        }

        // A timer that fires early leaves the receivers' priorities as they were: time, not a receiver, moved.
        var early = _nearTimers.FireEarly(choices);
        if (early >= 0)
        {
            return early;
        }

        string? best = null;
        var bestPriority = 0UL;
        var anyReady = false;
        for (var i = 0; i < choices.Count; i++)
        {
            anyReady |= !choices[i].IsFutureTimer;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (anyReady && choice.IsFutureTimer)
            {
                continue;
            }

            var priority = PriorityOf(choice.Receiver);
            // Ties (1 in 2^64) go to the first listed: deterministic either way.
            if (best is null || priority > bestPriority)
            {
                best = choice.Receiver;
                bestPriority = priority;
            }
        }

        _candidates.Clear();
        for (var i = 0; i < choices.Count; i++)
        {
            if ((!anyReady || !choices[i].IsFutureTimer) && string.Equals(choices[i].Receiver, best, StringComparison.Ordinal))
            {
                _candidates.Add(i);
            }
        }

        var chosen = _candidates.Count == 1 ? _candidates[0] : _candidates[_random.Next(_candidates.Count)];
        _priorities[best!] = _random.NextUInt64();
        return chosen;
    }

    private ulong PriorityOf(string receiver)
    {
        if (!_priorities.TryGetValue(receiver, out var priority))
        {
            priority = _random.NextUInt64();
            _priorities.Add(receiver, priority);
        }

        return priority;
    }
}
