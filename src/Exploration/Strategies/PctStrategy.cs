using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// Probabilistic concurrency testing (PCT, Burckhardt et al. 2010) over actors: each receiver gets a
/// random priority when it is first seen, and every step delivers to the highest-priority receiver
/// that has a choice (its oldest pending message first). At <c>depth - 1</c> change points drawn
/// uniformly from the first <c>maxSteps</c> steps, the receiver just chosen drops below every other.
/// A timer not yet due is taken when nothing else is ready (time passes when the system idles), or
/// earlier, if it is due soon, as <see cref="NearTimers"/> draws it, at most <c>depth</c> times a run:
/// a timeout races the replies.
/// One run finds a bug of depth d with probability at least 1/(n·k^(d−1)) for n actors and k steps:
/// depth 1 starves one actor for as long as others can run, the shape of a message that comes late.
/// </summary>
public sealed class PctStrategy : ISchedulingStrategy
{
    private readonly DeterministicRandom _random;
    private readonly List<string> _byPriority = [];
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private readonly HashSet<long> _changePoints = [];
    private readonly NearTimers _nearTimers;

    public PctStrategy(ulong seed, int depth = 2, long maxSteps = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        Seed = seed;
        Depth = depth;
        MaxSteps = maxSteps;
        _random = new DeterministicRandom(seed ^ 0x9C7_9C7_9C7UL);
        // As many early timers as change points and one: a timeout beating a reply is one such event.
        _nearTimers = new NearTimers(seed, budget: depth);
        while (_changePoints.Count < Math.Min(depth - 1, maxSteps))
        {
            _changePoints.Add((long)(_random.NextUInt64() % (ulong)maxSteps));
        }
    }

    public string Name => $"pct(d={Depth})";

    public ulong Seed { get; }

    public int Depth { get; }

    public long MaxSteps { get; }

    /// <summary>The change points, in step order.</summary>
    public IReadOnlyList<long> ChangePoints => [.. _changePoints.Order()];

    /// <summary>PCT's lower bound on finding one bug of depth <paramref name="depth"/> in one run.</summary>
    public static double Bound(int actors, long steps, int depth) => 1.0 / (actors * Math.Pow(steps, depth - 1));

    /// <summary>Receivers seen so far, highest priority first.</summary>
    public IReadOnlyList<string> Priorities => _byPriority;

    public int Choose(IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(choices);
        foreach (var choice in choices)
        {
            if (!_known.ContainsKey(choice.Receiver))
            {
                _known.Add(choice.Receiver, 0);
                _byPriority.Insert(_random.Next(_byPriority.Count + 1), choice.Receiver);
            }
        }

        var best = _nearTimers.FireEarly(choices);
        if (best < 0)
        {
            var bestRank = int.MaxValue;
            for (var i = 0; i < choices.Count; i++)
            {
                // A timer not yet due that did not fire early waits for the idle system: priorities order what is ready.
                var rank = choices[i].IsFutureTimer ? int.MaxValue - 1 : _byPriority.IndexOf(choices[i].Receiver);
                if (rank < bestRank || (rank == bestRank && choices[i].SentAtStep < choices[best].SentAtStep))
                {
                    best = i;
                    bestRank = rank;
                }
            }
        }

        if (_changePoints.Contains(step))
        {
            var receiver = choices[best].Receiver;
            _byPriority.Remove(receiver);
            _byPriority.Add(receiver);
        }

        return best;
    }
}
