namespace ActorHyper.Exploration;

/// <summary>
/// Cuts a failing schedule down to fewer deviations (decisions that did not take their step's first
/// choice) that still fail with the same invariant: delta debugging (Zeller's ddmin, complements
/// only) over the deviations, each candidate run with a <see cref="DeviationStrategy"/> that keeps
/// the remaining ones. A candidate counts when the same monitor fails it. The last one found is
/// confirmed by replaying its full decision list with a <see cref="ReplayStrategy"/>, which is what a
/// trace file holds; if that replay did not fail alike the original schedule is kept.
/// </summary>
public static class Shrinker
{
    /// <summary>Candidate runs at most: a bound on the time one violation's shrinking takes.</summary>
    public const int DefaultBudget = 200;

    /// <param name="failing">The failing schedule (its decisions and chosen indices).</param>
    /// <param name="run">Runs one schedule under the given strategy (the same seed each time) and returns what it did.</param>
    public static ShrinkResult Shrink(ScheduleResult failing, Func<ISchedulingStrategy, ScheduleResult> run, int budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentNullException.ThrowIfNull(run);
        var invariant = failing.Failure?.Monitor ?? throw new ArgumentException("the schedule did not fail", nameof(failing));
        var best = failing;
        var deviations = DeviationsOf(best);
        var replays = 0;
        var chunks = 2;
        while (deviations.Count > 0 && replays < budget)
        {
            chunks = Math.Min(chunks, deviations.Count);
            var reduced = false;
            for (var c = 0; c < chunks && replays < budget; c++)
            {
                // Remove the c-th of `chunks` nearly equal chunks.
                var from = c * deviations.Count / chunks;
                var to = (c + 1) * deviations.Count / chunks;
                var kept = new Dictionary<long, Decision>();
                for (var i = 0; i < deviations.Count; i++)
                {
                    if (i < from || i >= to)
                    {
                        kept.Add(deviations[i].Step, deviations[i].Decision);
                    }
                }

                var candidate = run(new DeviationStrategy(kept));
                replays++;
                if (FailsAlike(candidate, invariant))
                {
                    best = candidate;
                    deviations = DeviationsOf(candidate);
                    chunks = Math.Max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (chunks >= deviations.Count)
                {
                    break;
                }

                chunks = Math.Min(chunks * 2, deviations.Count);
            }
        }

        if (!ReferenceEquals(best, failing))
        {
            var confirmed = run(new ReplayStrategy(best.Decisions));
            replays++;
            best = FailsAlike(confirmed, invariant) ? confirmed : failing;
        }

        return new ShrinkResult(best, failing.Steps, best.Steps, failing.Deviations, best.Deviations, replays);
    }

    private static bool FailsAlike(ScheduleResult result, string invariant) =>
        string.Equals(result.Failure?.Monitor, invariant, StringComparison.Ordinal);

    private static List<(long Step, Decision Decision)> DeviationsOf(ScheduleResult result)
    {
        var deviations = new List<(long, Decision)>();
        for (var i = 0; i < result.ChosenIndices.Count; i++)
        {
            if (result.ChosenIndices[i] != 0)
            {
                deviations.Add((i, result.Decisions[i]));
            }
        }

        return deviations;
    }
}
