using System.Diagnostics;
using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Runs an exploration: many schedules of one scenario, each under the strategy of its iteration
/// (<see cref="ExplorationStrategies.For"/>), iteration i with the seed <see cref="IterationSeed.Of"/>(S, i), on
/// <see cref="ExplorationOptions.Workers"/> threads. Each worker creates its own runner (its own
/// actor system) on its own thread and drives it from there only; workers share nothing but the next
/// iteration's number and where to stop. Results are merged by iteration, so the report and its
/// digest are the same for any number of workers. Without keep-going the exploration stops at the
/// first violation in iteration order: every iteration before it still runs, those after it are
/// dropped, whichever worker got there first. With a <see cref="Shard"/> the workers take only the
/// shard's iterations (their own seeds and strategies, as unsharded).
/// </summary>
public static class Explorer
{
    /// <param name="createRunner">Called once per worker, on the worker's thread, with its index.</param>
    /// <param name="onSchedule">Called on a worker's thread after each schedule (progress), after <see cref="ExplorationOptions.OnSchedule"/>; may be null.</param>
    public static ExplorationReport Run(ExplorationOptions options, Func<int, IScheduleRunner> createRunner, Action<ScheduleSummary>? onSchedule = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createRunner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Workers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Iterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Depth);
        if (options.Shard.Count < 1 || options.Shard.Number < 1 || options.Shard.Number > options.Shard.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Shard, "a shard is k/N with 1 <= k <= N");
        }

        if (options.Strategy == StrategyKind.Dfs)
        {
            return DfsExplorer.Run(options, createRunner, onSchedule);
        }

        onSchedule = Both(options.OnSchedule, onSchedule);

        var workers = (int)Math.Min(options.Workers, Math.Max(1, options.Shard.CountOf(options.Iterations)));
        var shared = new Shared(options.Iterations);
        var results = new WorkerResult[workers];
        // Workers build their systems and calibrate, then all start together: the clock times schedules only.
        // It starts as the last one arrives, before any is released, so a worker's first schedule is timed from its start.
        using var ready = new Barrier(workers + 1, _ => shared.Start = Stopwatch.GetTimestamp());
        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            var index = w;
            results[index] = new WorkerResult();
            threads[index] = new Thread(() => Work(index, options, createRunner, onSchedule, shared, ready, results[index]))
            {
                Name = $"explore-{index}",
                IsBackground = true,
            };
            threads[index].Start();
        }

        ready.SignalAndWait();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        var elapsed = Stopwatch.GetElapsedTime(shared.Start);
        if (results.FirstOrDefault(static r => r.Error is not null)?.Error is { } error)
        {
            throw new ExplorationException($"an exploration worker failed: {error.Message}", error);
        }

        var stop = options.KeepGoing ? long.MaxValue : Interlocked.Read(ref shared.StopAt);
        var schedules = results.SelectMany(static r => r.Schedules).Where(s => s.Iteration <= stop).OrderBy(static s => s.Iteration).ToList();
        var violations = results.SelectMany(static r => r.Violations).Where(v => v.Iteration <= stop).OrderBy(static v => v.Iteration).ToList();
        var calibration = results[0];
        return new ExplorationReport
        {
            Coverage = MergeCoverage(results, stop),
            Options = options,
            Schedules = schedules,
            Violations = violations,
            Elapsed = elapsed,
            PctSteps = calibration.PctSteps,
            Actors = calibration.Actors,
            Channels = calibration.Channels,
            Model = calibration.Model,
        };
    }

    private static void Work(int index, ExplorationOptions options, Func<int, IScheduleRunner> createRunner, Action<ScheduleSummary>? onSchedule,
        Shared shared, Barrier ready, WorkerResult result)
    {
        IScheduleRunner? runner = null;
        var signalled = false;
        try
        {
            runner = createRunner(index);
            // The same calibration in every worker: PCT's range, and the actors for its bound, without any worker waiting for another.
            var calibration = runner.Run(options.Seed, new RandomStrategy(options.Seed));
            result.PctSteps = options.PctSteps ?? calibration.Steps;
            result.Actors = calibration.Decisions.Select(static d => d.Receiver).Distinct(StringComparer.Ordinal).Count();
            result.Channels = calibration.Decisions.Select(static d => (d.Receiver, d.Kind == DecisionKind.Timer ? Choice.TimerSender : d.Sender)).Distinct().Count();
            result.Model = calibration.Model;
            signalled = true;
            ready.SignalAndWait();
            while (true)
            {
                var iteration = options.Shard.Iteration(Interlocked.Increment(ref shared.Next) - 1);
                if (iteration >= options.Iterations || iteration > Interlocked.Read(ref shared.StopAt))
                {
                    break;
                }

                var seed = IterationSeed.Of(options.Seed, iteration);
                var strategy = ExplorationStrategies.For(options.Strategy, iteration, seed, options.Depth, result.PctSteps, options.PctOverdue);
                var schedule = runner.Run(seed, strategy);
                var summary = ScheduleSummary.Of(iteration, seed, strategy.Name, schedule);
                result.Schedules.Add(summary);
                result.NoteCoverage(schedule.Coverage, iteration);
                onSchedule?.Invoke(summary);
                if (schedule.Failure is null)
                {
                    continue;
                }

                if (!options.KeepGoing)
                {
                    LowerStop(shared, iteration);
                }

                var foundAfter = Stopwatch.GetElapsedTime(shared.Start) - result.Shrinking;
                var shrinking = Stopwatch.GetTimestamp();
                var shrunk = options.Shrink
                    ? Shrinker.Shrink(schedule, (candidate, inputs) => runner is IInputsScheduleRunner withInputs
                        ? withInputs.Run(seed, candidate, inputs)
                        : runner.Run(seed, candidate), options.ShrinkBudget)
                    : null;
                var shrinkTime = Stopwatch.GetElapsedTime(shrinking);
                result.Shrinking += shrinkTime;
                result.Violations.Add(new Violation(iteration, seed, strategy.Name, schedule, shrunk) { FoundAfter = foundAfter, ShrinkTime = shrinkTime });
            }
        }
#pragma warning disable CA1031 // Rethrown on the caller's thread, with the first worker's error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result.Error = e;
            // Let the others stop soon: nothing after this worker's failure is reported.
            LowerStop(shared, -1);
            if (!signalled)
            {
                ready.RemoveParticipant();
            }
        }
        finally
        {
            runner?.Dispose();
        }
    }

    /// <summary>The triples whose first iteration (over every worker) is reported, sorted: independent of who ran what.</summary>
    private static List<CoverageTriple> MergeCoverage(WorkerResult[] results, long stop)
    {
        var first = new Dictionary<CoverageTriple, long>();
        foreach (var result in results)
        {
            foreach (var (triple, iteration) in result.Coverage)
            {
                first[triple] = first.TryGetValue(triple, out var seen) ? Math.Min(seen, iteration) : iteration;
            }
        }

        var merged = first.Where(pair => pair.Value <= stop).Select(static pair => pair.Key).ToList();
        merged.Sort();
        return merged;
    }

    private static void LowerStop(Shared shared, long iteration)
    {
        var seen = Interlocked.Read(ref shared.StopAt);
        while (iteration < seen)
        {
            var was = Interlocked.CompareExchange(ref shared.StopAt, iteration, seen);
            if (was == seen)
            {
                return;
            }

            seen = was;
        }
    }

    /// <summary>Both callbacks in order, or the one given.</summary>
    private static Action<ScheduleSummary>? Both(Action<ScheduleSummary>? first, Action<ScheduleSummary>? second) =>
        first is null ? second : second is null ? first : summary =>
        {
            first(summary);
            second(summary);
        };

    /// <summary>What the workers share: the next iteration to take, the last iteration to run, and when the schedules started.</summary>
    private sealed class Shared(long iterations)
    {
        public long Next;
        public long StopAt = iterations;

        /// <summary>The <see cref="Stopwatch"/> timestamp at which the workers were released to run schedules.</summary>
        public long Start;
    }

    /// <summary>One worker's schedules and violations, read once it has finished.</summary>
    private sealed class WorkerResult
    {
        public List<ScheduleSummary> Schedules { get; } = [];

        public List<Violation> Violations { get; } = [];

        public long PctSteps { get; set; }

        public int Actors { get; set; }

        public int Channels { get; set; }

        public ExecutionModel? Model { get; set; }

        /// <summary>Time this worker has spent shrinking so far: not part of the time to a violation found after it.</summary>
        public TimeSpan Shrinking { get; set; }

        public Exception? Error { get; set; }

        /// <summary>Each triple this worker saw, with the first iteration that saw it.</summary>
        public Dictionary<CoverageTriple, long> Coverage { get; } = [];

        public void NoteCoverage(IReadOnlyList<CoverageTriple> triples, long iteration)
        {
            foreach (var triple in triples)
            {
                // Iterations rise within a worker: the first seen is the earliest.
                Coverage.TryAdd(triple, iteration);
            }
        }
    }
}
