using ActorHyper.Exploration.Driver;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// The state of a depth-first search over a controlled run's choices, kept between the schedules
/// that explore it (each one re-executed from the start along the stack's choices, then extended).
/// Sleep sets prune orders that only swap independent deliveries; a visited set of state digests
/// prunes states reached before. See <see cref="DfsExplorer"/> for the independence relation.
/// </summary>
internal sealed class DfsTree
{
    private readonly List<DfsNode> _stack = [];

    /// <summary>
    /// Per state digest, the sleep set it was last explored with (Godefroid's state caching with sleep
    /// sets) and the deviations it had left (under a bound, a state reached with more left is explored again).
    /// </summary>
    private readonly Dictionary<ulong, (HashSet<DfsKey> Sleep, int Left)> _visited = [];

    private readonly List<long> _statesPerDepth = [];

    /// <summary>
    /// The log of the weight of the schedules run so far: a schedule weighs the chance that a random
    /// probe from the root, taking one of each node's branches uniformly, follows its path
    /// (Π 1/branches); the weights of all the tree's schedules sum to 1.
    /// </summary>
    private double _logCovered = double.NegativeInfinity;

    private long _leaves;

    private readonly bool _sleepSets;

    /// <summary>At most this many deviations from the default order per schedule; null: no bound.</summary>
    private readonly int? _bound;

    public DfsTree(bool caching, bool sleepSets, int? deviationBound = null)
    {
        Caching = caching;
        // Under a deviation bound a sleeping first choice would end a schedule that no other schedule
        // within the bound covers (its equivalent may need more deviations): sleep sets are off there.
        _sleepSets = sleepSets && deviationBound is null;
        _bound = deviationBound;
        CachingOffReason = caching ? null : "turned off";
    }

    /// <summary>Whether states are cached (every monitor gives a digest, and the user did not turn it off).</summary>
    public bool Caching { get; private set; }

    public string? CachingOffReason { get; private set; }

    /// <summary>Distinct states seen (by digest); without caching, the nodes made.</summary>
    public long States { get; private set; }

    /// <summary>Runs ended at a state seen before.</summary>
    public long CacheHits { get; private set; }

    /// <summary>Runs ended where every transition left was asleep.</summary>
    public long SleepBlocked { get; private set; }

    /// <summary>Transitions not taken because they were asleep.</summary>
    public long Slept { get; private set; }

    /// <summary>New states (or nodes) first seen at each step.</summary>
    public IReadOnlyList<long> StatesPerDepth => _statesPerDepth;

    /// <summary>True once every branch has been explored.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>The schedule to run next: it follows the stack, then extends it.</summary>
    public DfsStrategy NextSchedule() => new(this);

    internal int Depth => _stack.Count;

    internal DfsNode NodeAt(int depth) => _stack[depth];

    /// <summary>A step beyond the stack: a new node, its choice, or <see cref="IStateAwareStrategy.Prune"/>.</summary>
    internal int Extend(ControlledDriver driver, IReadOnlyList<Choice> choices)
    {
        var depth = _stack.Count;
        var keys = new DfsKey[choices.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = DfsKey.Of(choices[i]);
        }

        var sleep = SleepFor(depth, keys);
        var deviations = depth == 0 ? 0 : _stack[depth - 1].DeviationsBefore + (_stack[depth - 1].Chosen == 0 ? 0 : 1);
        var left = _bound is { } bound ? bound - deviations : int.MaxValue;
        HashSet<DfsKey>? onlyThese = null;
        var isNew = true;
        if (Caching)
        {
            if (driver.StateDigest() is not { } digest)
            {
                Caching = false;
                CachingOffReason = driver.StateDigestUnavailable;
            }
            else if (_visited.TryGetValue(digest, out var before) && before.Left >= left)
            {
                isNew = false;
                if (before.Sleep.IsSubsetOf(sleep))
                {
                    CacheHits++;
                    return IStateAwareStrategy.Prune;
                }

                // Explored before with some transitions asleep that are awake now: only those are left
                // to try, and the state keeps what both sleep sets share.
                onlyThese = [.. before.Sleep.Where(key => !sleep.Contains(key))];
                before.Sleep.IntersectWith(sleep);
            }
            else
            {
                // New, or seen with fewer deviations left: explored (again) from here.
                isNew = !_visited.ContainsKey(digest);
                _visited[digest] = ([.. sleep], left);
            }
        }

        if (isNew)
        {
            States++;
            while (_statesPerDepth.Count <= depth)
            {
                _statesPerDepth.Add(0);
            }

            _statesPerDepth[depth]++;
        }

        var node = new DfsNode(keys, sleep, onlyThese, deviations, left > 0);
        var next = node.NextCandidate();
        Slept += keys.Count(sleep.Contains);
        if (next < 0)
        {
            SleepBlocked++;
            return IStateAwareStrategy.Prune;
        }

        node.Take(next);
        _stack.Add(node);
        return next;
    }

    /// <summary>
    /// After a schedule: the deepest node with a transition left to try takes it (deeper ones are
    /// done and go); false when none is left: the tree is exhausted.
    /// </summary>
    internal bool Backtrack()
    {
        CountLeaf();
        while (_stack.Count > 0)
        {
            var node = _stack[^1];
            var chosen = node.ChosenKey;
            if (!chosen.IsTimer && node.ChosenLocal)
            {
                node.Done.Add(chosen);
            }

            var next = node.NextCandidate();
            if (next >= 0)
            {
                node.Take(next);
                return true;
            }

            _stack.RemoveAt(_stack.Count - 1);
        }

        Exhausted = true;
        return false;
    }

    /// <summary>
    /// How big the tree is, from what the search has seen: Kilby, Slaney, Thiébaux and Walsh's weighted
    /// backtrack estimator (AAAI 2006): schedules run / their weight. Each schedule's Knuth estimate
    /// (Π branches along its path) weighed by the chance a random probe takes that path; exact once
    /// the tree is exhausted (the weights then sum to 1). A search that went deep first has seen the
    /// cheap left of the tree, so early figures are low; they rise as it backtracks toward the root.
    /// </summary>
    public DfsTreeEstimate Estimate() => new(_leaves, _logCovered / Math.Log(10));

    /// <summary>The schedule just run ends a path: its weight joins the covered weight (in logs, where a deep path's weight would underflow).</summary>
    private void CountLeaf()
    {
        // The path's weight: the product of 1/branches over its nodes.
        var logWeight = 0.0;
        foreach (var node in _stack)
        {
            logWeight -= Math.Log(node.Branches);
        }

        _leaves++;
        var (high, low) = _logCovered >= logWeight ? (_logCovered, logWeight) : (logWeight, _logCovered);
        _logCovered = double.IsNegativeInfinity(low) ? high : high + Math.Log(1 + Math.Exp(low - high));
    }

    /// <summary>
    /// The sleep set of the node at <paramref name="depth"/>: what slept at its parent or was done
    /// there before the parent's chosen transition t, kept if it is independent of t (a delivery to
    /// another receiver, both local). A timer, or a step that changed another actor, wakes everything.
    /// </summary>
    private HashSet<DfsKey> SleepFor(int depth, DfsKey[] keys)
    {
        var sleep = new HashSet<DfsKey>();
        if (depth == 0 || !_sleepSets)
        {
            return sleep;
        }

        var parent = _stack[depth - 1];
        var taken = parent.ChosenKey;
        if (taken.IsTimer || !parent.ChosenLocal)
        {
            return sleep;
        }

        var enabled = new HashSet<DfsKey>(keys);
        foreach (var key in parent.Sleep.Concat(parent.Done))
        {
            if (!string.Equals(key.Receiver, taken.Receiver, StringComparison.Ordinal) && enabled.Contains(key))
            {
                sleep.Add(key);
            }
        }

        return sleep;
    }
}
