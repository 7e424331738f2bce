using ActorHyper.Exploration.Driver;

namespace ActorHyper.Exploration.Strategies;

/// <summary>
/// One schedule of a depth-first search (<see cref="DfsExplorer"/>): along the search's stack it
/// takes each node's chosen transition again (the run from power-on is deterministic, so it comes to
/// the same states), then extends the stack with new nodes, or ends the run at a state seen before
/// or where every transition left is asleep.
/// </summary>
public sealed class DfsStrategy : IStateAwareStrategy
{
    private readonly DfsTree _tree;
    private ControlledDriver? _driver;
    private long _lastStep = -1;

    internal DfsStrategy(DfsTree tree) => _tree = tree;

    public string Name => "dfs";

    /// <summary>Steps this schedule took along the stack before it extended it.</summary>
    public long Replayed { get; private set; }

    /// <summary>A DFS schedule needs the driver's state: it runs only as a state-aware strategy.</summary>
    public int Choose(IReadOnlyList<Choice> choices, long step) =>
        throw new InvalidOperationException("a DFS schedule runs under a controlled driver that tracks states (begin the run with it)");

    public int Choose(ControlledDriver driver, IReadOnlyList<Choice> choices, long step)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(choices);
        _driver = driver;
        NoteLastStep(step);
        _lastStep = step;
        if (step < _tree.Depth)
        {
            Replayed++;
            var node = _tree.NodeAt((int)step);
            var wanted = node.ChosenKey;
            if (choices.Count == node.Keys.Length)
            {
                for (var i = 0; i < choices.Count; i++)
                {
                    if (DfsKey.Of(choices[i]) == wanted)
                    {
                        return i;
                    }
                }
            }

            throw new InvalidOperationException(
                $"dfs: step {step} has other choices than when it was first reached ({choices.Count}, not {node.Keys.Length}, or no {wanted}): the run is not deterministic");
        }

        return _tree.Extend(driver, choices);
    }

    /// <summary>After the run: whether its last step was local, which the next schedule's sleep sets need.</summary>
    internal void Finish() => NoteLastStep(_lastStep + 1);

    private void NoteLastStep(long step)
    {
        // The step before this one ran the previous node's choice: now the driver knows whether it was local.
        if (step > 0 && step - 1 < _tree.Depth && _driver is not null)
        {
            _tree.NodeAt((int)(step - 1)).ChosenLocal = _driver.LastStepWasLocal;
        }
    }
}
