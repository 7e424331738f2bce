using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// Probabilistic concurrency testing (PCT, Burckhardt et al. 2010) over message chains, as PCTCP
/// does for distributed systems (Ozkan et al., OOPSLA 2018): the chains are the sender→receiver
/// channels (<see cref="Choice.ChannelName"/>; a receiver's timers are one), each a FIFO sequence of
/// deliveries. Each channel gets a random priority when first seen, and every step delivers the head
/// of the highest-priority channel that has a choice. At <c>depth - 1</c> change points drawn
/// uniformly from the first <c>maxSteps</c> steps, the channel just chosen drops below every other.
/// Since priorities are per channel, not per receiver, one receiver's messages from two senders are
/// delivered in either order, the younger first too.
/// A due timer's channel beats ready messages by its priority at most <c>depth</c> times a run, then
/// timers wait until no message is ready or until they are <see cref="Overdue"/> overdue (then they go
/// first): strict priorities would otherwise let a poll's timer, due again after a few steps of work,
/// spin its loop while the actor it waits for starves, and without the bound a message-driven poll would keep a
/// due timer from ever firing (Akka queues it at its due time), a false liveness alarm. Under the
/// clocked race a timer not yet due fires early only as <see cref="NearTimers"/> draws it (also at
/// most <c>depth</c> times). Either way a timeout races the replies.
/// After the first <c>maxSteps</c> steps (where the change points are) the run goes on as a random
/// walk, as Coyote's fair prioritization does: priorities held for ever would starve the low chains
/// of a run that outlives the range, and what happens late in a long run is then left to chance
/// rather than to the one order the priorities fix (in the corpus, chain replication's bug came about
/// seven times sooner on two seeds of five, and within 100,000 schedules on one where it had not).
/// One run finds a bug of depth d within the first k steps with probability at least 1/(n·k^(d−1))
/// for n channels.
/// </summary>
public sealed class PctStrategy : ISchedulingStrategy
{
    private readonly DeterministicRandom _random;

    /// <summary>Each channel's priority: a draw in [0, 1) when first seen (so a new one lands anywhere among the others), below 0 after a change point.</summary>
    private readonly Dictionary<string, double> _priorities = new(StringComparer.Ordinal);
    private readonly HashSet<long> _changePoints = [];
    private readonly NearTimers _nearTimers;

    /// <summary>The last priority given at a change point: the next goes below it.</summary>
    private double _lowest;

    /// <summary>
    /// Times a timer may still beat a ready message by its channel's priority this run. Then timers
    /// rank below every message: strict priorities would let a poll's timer, due again after a few
    /// steps of work, keep its loop running for ever while the actor it waits for starves.
    /// </summary>
    private int _timerWinsLeft;

    /// <summary>
    /// The default of <see cref="Overdue"/>: a timer this far overdue fires ahead of every message,
    /// whatever its channel's priority and its wins (without wins left, it waits for the idle system
    /// until then). Akka queues a timer's message at its due time, so a receiver busy with a poll of
    /// messages takes it within the poll: a timer held back for ever is an order Akka never makes. A
    /// poll's own timer is held back this long each time, so it cannot starve the actors it waits for either.
    /// </summary>
    public static readonly TimeSpan DefaultOverdue = TimeSpan.FromMilliseconds(1);

    /// <summary>Bumped at each change point: every memo (<see cref="Choice.RankMemo"/>) made before is stale.</summary>
    private int _version;

    /// <summary>What chooses after the first <see cref="MaxSteps"/> steps: a random walk of its own stream.</summary>
    private readonly RandomStrategy _fair;

    public PctStrategy(ulong seed, int depth = 2, long maxSteps = 10_000, TimeSpan? overdue = null)
    {
        Overdue = overdue ?? DefaultOverdue;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Overdue, TimeSpan.Zero, nameof(overdue));
        _fair = new RandomStrategy(seed ^ 0xFA1_FA1_FA1UL);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSteps);
        Seed = seed;
        Depth = depth;
        MaxSteps = maxSteps;
        _random = new DeterministicRandom(seed ^ 0x9C7_9C7_9C7UL);
        // As many early timers as change points and one: a timeout beating a reply is one such event.
        _nearTimers = new NearTimers(seed, budget: depth);
        _timerWinsLeft = depth;
        while (_changePoints.Count < Math.Min(depth - 1, maxSteps))
        {
            _changePoints.Add((long)(_random.NextUInt64() % (ulong)maxSteps));
        }
    }

    public string Name => $"pct(d={Depth})";

    public ulong Seed { get; }

    public int Depth { get; }

    public long MaxSteps { get; }

    /// <summary>How long a due timer may wait behind ready messages before it fires first (<see cref="DefaultOverdue"/>).</summary>
    public TimeSpan Overdue { get; }

    /// <summary>The change points, in step order.</summary>
    public IReadOnlyList<long> ChangePoints => [.. _changePoints.Order()];

    /// <summary>PCT's lower bound on finding one bug of depth <paramref name="depth"/> in one run, over <paramref name="chains"/> channels and <paramref name="steps"/> steps.</summary>
    public static double Bound(int chains, long steps, int depth) => 1.0 / (chains * Math.Pow(steps, depth - 1));

    /// <summary>Channels seen so far, highest priority first.</summary>
    public IReadOnlyList<string> Priorities => [.. _priorities.OrderByDescending(static p => p.Value).Select(static p => p.Key)];

    public int Choose(IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (step >= MaxSteps)
        {
            return _fair.Choose(choices, step);
        }

        // Every channel listed gets its priority now, in list order, so the draws do not depend on which wins.
        for (var i = 0; i < choices.Count; i++)
        {
            if (!choices[i].IsFutureTimer)
            {
                PriorityOf(choices[i]);
            }
        }

        var best = _nearTimers.FireEarly(choices);
        if (best < 0)
        {
            var bestPriority = double.NegativeInfinity;
            for (var i = 0; i < choices.Count; i++)
            {
                var choice = choices[i];
                // A timer not yet due that did not fire early waits for the idle system: priorities order what is ready.
                var priority = choice.IsFutureTimer ? double.NegativeInfinity
                    : choice.IsTimer && -choice.DueIn.GetValueOrDefault() >= Overdue ? double.MaxValue
                    : IsDueTimer(choice) && _timerWinsLeft == 0 ? double.MinValue
                    : choice.RankMemo.Rank;
                if (best < 0 || priority > bestPriority || (priority == bestPriority && choice.SentAtStep < choices[best].SentAtStep))
                {
                    best = i;
                    bestPriority = priority;
                }
            }
        }

        if (IsDueTimer(choices[best]) && _timerWinsLeft > 0 && AnyMessage(choices))
        {
            _timerWinsLeft--;
        }

        if (_changePoints.Contains(step) && !choices[best].IsFutureTimer)
        {
            _priorities[choices[best].ChannelName] = --_lowest;
            _version++;
        }

        return best;
    }

    /// <summary>
    /// A timer due now or overdue. Under the uniform race a timer not yet due is offered only while the
    /// model's early-timer budget lasts (<see cref="ExecutionModel.EarlyTimers"/>), so it ranks by its
    /// channel like a message and spends none of PCT's wins: a bug that takes more timeouts beating
    /// replies than the depth is still within reach, and the model's bound still ends a retry loop.
    /// </summary>
    private static bool IsDueTimer(Choice choice) => choice.IsTimer && !choice.IsFutureTimer && choice.DueIn <= TimeSpan.Zero;

    private static bool AnyMessage(IReadOnlyList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            if (!choices[i].IsTimer)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Makes sure the choice's memo holds its channel's priority (drawn now if the channel is new).</summary>
    private void PriorityOf(Choice choice)
    {
        if (ReferenceEquals(choice.RankMemo.Owner, this) && choice.RankMemo.Version == _version)
        {
            return;
        }

        var channel = choice.ChannelName;
        if (!_priorities.TryGetValue(channel, out var priority))
        {
            priority = _random.NextDouble();
            _priorities.Add(channel, priority);
        }

        choice.RankMemo = (this, _version, priority);
    }
}
