using ActorHyper.Exploration.Driver;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// One step's transition in a state, by what it is there: a channel's head (receiver, sender; a state
/// has one head per channel, so this names it in any run that reaches the state), or a timer (its
/// receiver and number, which a replayed prefix reproduces).
/// </summary>
internal readonly record struct DfsKey(bool IsTimer, string Receiver, string Sender, long TimerSequence)
{
    public static DfsKey Of(Choice choice) =>
        new(choice.IsTimer, choice.Receiver, choice.Sender, choice.IsTimer ? choice.Sequence : 0);
}

/// <summary>A state on the DFS stack: its transitions, the sleep set it was entered with, what has been tried from it.</summary>
internal sealed class DfsNode(DfsKey[] keys, HashSet<DfsKey> sleep, HashSet<DfsKey>? onlyThese, int deviationsBefore, bool mayDeviate)
{
    /// <summary>Deviations from the default order (choices other than the first) on the way here.</summary>
    public int DeviationsBefore { get; } = deviationsBefore;

    /// <summary>False when a deviation bound is used up: only the first choice may be taken here.</summary>
    public bool MayDeviate { get; } = mayDeviate;

    /// <summary>The step's choices, in the driver's order.</summary>
    public DfsKey[] Keys { get; } = keys;

    /// <summary>Transitions whose continuations are covered elsewhere (sleep sets): never taken from here.</summary>
    public HashSet<DfsKey> Sleep { get; } = sleep;

    /// <summary>
    /// For a state seen before with a sleep set that is not a subset of this one: only these (slept
    /// then, not now) are left to try; null for a new state.
    /// </summary>
    public HashSet<DfsKey>? OnlyThese { get; } = onlyThese;

    /// <summary>Every transition tried from here.</summary>
    public HashSet<DfsKey> Tried { get; } = [];

    /// <summary>Tried transitions that were local deliveries: they go to the sleep sets of later siblings' successors.</summary>
    public List<DfsKey> Done { get; } = [];

    /// <summary>The index in <see cref="Keys"/> taken by the schedule now being run.</summary>
    public int Chosen { get; set; } = -1;

    /// <summary>Whether the chosen transition changed only its receiver (known once it ran).</summary>
    public bool ChosenLocal { get; set; }

    public DfsKey ChosenKey => Keys[Chosen];

    /// <summary>The first transition not yet tried, not asleep, (for a state seen before) left to try and within the deviation bound; -1 if none.</summary>
    /// <summary>
    /// How many transitions the search takes from here in all: those not asleep, (for a state seen
    /// before) left to try and within the deviation bound. Fixed when the node is made: what is tried
    /// later from its siblings changes their successors' sleep sets, not this.
    /// </summary>
    public int Branches { get; } = Enumerable.Range(0, mayDeviate ? keys.Length : 1)
        .Count(i => !sleep.Contains(keys[i]) && (onlyThese is null || onlyThese.Contains(keys[i])));

    public int NextCandidate()
    {
        for (var i = 0; i < (MayDeviate ? Keys.Length : 1); i++)
        {
            var key = Keys[i];
            if (!Tried.Contains(key) && !Sleep.Contains(key) && (OnlyThese is null || OnlyThese.Contains(key)))
            {
                return i;
            }
        }

        return -1;
    }

    public void Take(int index)
    {
        Chosen = index;
        Tried.Add(Keys[index]);
    }
}
