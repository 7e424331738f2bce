namespace ActorHyper.Runtime.Controlled;

/// <summary>The run's schedule no longer matches the recorded one (different scenario, seed or code).</summary>
public sealed class ReplayDivergedException(string message) : Exception(message);

/// <summary>
/// Replays a recorded schedule: the actor id chosen at each step (<see cref="ControlledScheduler.Decisions"/>).
/// Past the end of the recording it falls back to <paramref name="fallback"/>, or fails when there is none.
/// </summary>
public sealed class ReplayStrategy(IReadOnlyList<int> decisions, ISchedulingStrategy? fallback = null) : ISchedulingStrategy
{
    public string Name => "replay";

    public int Choose(IReadOnlyList<IRunnableActor> runnable, long step)
    {
        if (step >= decisions.Count)
        {
            return fallback?.Choose(runnable, step) ?? throw new ReplayDivergedException(
                $"replay diverged at step {step}: the recording has only {decisions.Count} decisions but the run goes on");
        }

        var wanted = decisions[(int)step];
        for (var i = 0; i < runnable.Count; i++)
        {
            if (runnable[i].Id == wanted)
            {
                return i;
            }
        }

        throw new ReplayDivergedException(
            $"replay diverged at step {step}: the recording chose actor #{wanted}, which is not ready now (ready: " +
            string.Join(", ", runnable.Select(r => $"#{r.Id} {r.Path}")) + ")");
    }
}
