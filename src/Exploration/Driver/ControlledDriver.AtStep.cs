namespace ActorHyper.Exploration.Driver;

/// <summary>Actions from outside the actors that a run takes at a chosen step (a command typed in the middle of a run).</summary>
public sealed partial class ControlledDriver
{
    private readonly List<(long Step, Action Action)> _atStep = [];

    /// <summary>
    /// Runs <paramref name="action"/> as code outside the actors (what it sends comes from outside)
    /// once this run has made <paramref name="step"/> deliveries, before the next one is chosen; a
    /// run that goes quiet before that leaves it to <see cref="RunPendingAtStep"/>. Forgotten at the next <see cref="BeginRun"/>.
    /// </summary>
    public void AtStep(long step, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        _atStep.Add((step, action));
    }

    /// <summary>Runs every action still waiting for its step, in their steps' order; false if there was none.</summary>
    public bool RunPendingAtStep() => RunAtStep(long.MaxValue);

    /// <summary>Runs the actions due by <paramref name="upTo"/> steps, in order of step then of registration.</summary>
    private bool RunAtStep(long upTo)
    {
        var ran = false;
        while (true)
        {
            var next = -1;
            for (var i = 0; i < _atStep.Count; i++)
            {
                if (_atStep[i].Step <= upTo && (next < 0 || _atStep[i].Step < _atStep[next].Step))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                return ran;
            }

            var action = _atStep[next].Action;
            _atStep.RemoveAt(next);
            action();
            ran = true;
        }
    }
}
