using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Cuts a failing schedule down while it still fails with the same invariant: first to fewer
/// deviations (decisions that did not take their step's first choice), then to fewer injected faults,
/// then to fewer scenario commands, each by delta debugging (Zeller's ddmin, complements only). A
/// deviation candidate runs with a <see cref="DeviationStrategy"/> that keeps the remaining ones; a
/// fault or command candidate keeps the best schedule's deviations and drops items of its
/// <see cref="ScheduleInputs"/>, which are opaque here: the runner knows what they are. A candidate
/// counts when the same monitor fails it. The last one found is confirmed by replaying its full
/// decision list with a <see cref="ReplayStrategy"/> and its inputs, which is what a trace file
/// holds; if that replay did not fail alike the original schedule is kept.
/// </summary>
public static class Shrinker
{
    /// <summary>Candidate runs at most: a bound on the time one violation's shrinking takes.</summary>
    public const int DefaultBudget = 200;

    /// <param name="failing">The failing schedule (its decisions and chosen indices).</param>
    /// <param name="run">Runs one schedule under the given strategy (the same seed each time) and returns what it did.</param>
    public static ShrinkResult Shrink(ScheduleResult failing, Func<ISchedulingStrategy, ScheduleResult> run, int budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Shrink(failing, (strategy, _) => run(strategy), budget);
    }

    /// <param name="failing">The failing schedule (its decisions, chosen indices, faults and commands).</param>
    /// <param name="run">Runs one schedule under the strategy with exactly the inputs given (the same seed each time).</param>
    public static ShrinkResult Shrink(ScheduleResult failing, Func<ISchedulingStrategy, ScheduleInputs, ScheduleResult> run, int budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentNullException.ThrowIfNull(run);
        var invariant = failing.Failure?.Monitor ?? throw new ArgumentException("the schedule did not fail", nameof(failing));
        var replays = 0;
        var best = Reduce(failing, DeviationsOf, (from, kept) => run(Keeping(kept), ScheduleInputs.Of(from)), invariant, ref replays, budget);
        best = Reduce<string>(best, static result => [.. result.Faults],
            (from, kept) => run(Keeping(DeviationsOf(from)), new ScheduleInputs(kept, from.Commands)), invariant, ref replays, budget);
        best = Reduce<int>(best, static result => [.. result.Commands],
            (from, kept) => run(Keeping(DeviationsOf(from)), new ScheduleInputs(from.Faults, kept)), invariant, ref replays, budget);
        if (!ReferenceEquals(best, failing))
        {
            var confirmed = run(new ReplayStrategy(best.Decisions), ScheduleInputs.Of(best));
            replays++;
            best = FailsAlike(confirmed, invariant) ? confirmed : failing;
        }

        return new ShrinkResult(best, failing.Steps, best.Steps, failing.Deviations, best.Deviations, replays,
            failing.Faults.Count, best.Faults.Count, failing.Commands.Count, best.Commands.Count);
    }

    /// <summary>
    /// ddmin over the items <paramref name="itemsOf"/> finds in the best schedule so far: each candidate
    /// drops one of `chunks` nearly equal chunks; a candidate that fails alike becomes the best, and its
    /// own items (what it actually had) are reduced next.
    /// </summary>
    private static ScheduleResult Reduce<T>(ScheduleResult best, Func<ScheduleResult, List<T>> itemsOf,
        Func<ScheduleResult, List<T>, ScheduleResult> run, string invariant, ref int replays, int budget)
    {
        var items = itemsOf(best);
        var chunks = 2;
        while (items.Count > 0 && replays < budget)
        {
            chunks = Math.Min(chunks, items.Count);
            var reduced = false;
            for (var c = 0; c < chunks && replays < budget; c++)
            {
                var from = c * items.Count / chunks;
                var to = (c + 1) * items.Count / chunks;
                var kept = new List<T>(items.Count - (to - from));
                for (var i = 0; i < items.Count; i++)
                {
                    if (i < from || i >= to)
                    {
                        kept.Add(items[i]);
                    }
                }

                var candidate = run(best, kept);
                replays++;
                if (FailsAlike(candidate, invariant))
                {
                    best = candidate;
                    items = itemsOf(candidate);
                    chunks = Math.Max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }

            if (!reduced)
            {
                if (chunks >= items.Count)
                {
                    break;
                }

                chunks = Math.Min(chunks * 2, items.Count);
            }
        }

        return best;
    }

    private static DeviationStrategy Keeping(List<(long Step, Decision Decision)> deviations)
    {
        var kept = new Dictionary<long, Decision>(deviations.Count);
        foreach (var (step, decision) in deviations)
        {
            kept.Add(step, decision);
        }

        return new DeviationStrategy(kept);
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
