using System.Diagnostics;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Exhaustive exploration: a depth-first search over every step's choices, each schedule re-run
/// from the start (stateless search: the run is a function of the seed and the choices), with
/// sleep sets and state caching so that a small system can be explored to the end.
/// </summary>
/// <remarks>
/// <para><b>Independence.</b> Two transitions commute when both are deliveries of a channel's head
/// to different receivers and both are local (<see cref="ControlledDriver.LastStepWasLocal"/>: the
/// step ran no system message of any actor but its receiver and the actors it created; a stop, a
/// watch, a failure reaching a supervisor make it non-local). A local delivery changes only its
/// receiver's state, adds messages at the tails of channels and sets timers: it neither changes nor
/// disables another receiver's head. Everything else is dependent: two deliveries to one receiver
/// (whatever their senders), any timer (firing moves virtual time, which handlers may read, and a
/// timer may fire before or after any message), any non-local step. Messages on one channel keep
/// their order and are never a choice between them.</para>
/// <para><b>Sleep sets.</b> After exploring t from a state, the transitions explored before t there
/// and still asleep, if independent of t, are asleep after t: their orders with t were covered.</para>
/// <para><b>State caching.</b> Each new step's global state digest (<see cref="ControlledDriver.StateDigest"/>)
/// is kept with its sleep set; a state seen before with a sleep set that is a subset of the current
/// one ends the run there (Godefroid's combination: otherwise only what slept then and not now is
/// tried). When a monitor gives no digest caching is off and the report says why.</para>
/// <para><b>What it covers.</b> Every order of dependent transitions, up to the step limit: a property
/// of the states reached (an actor's state, an assertion in a handler, the end of the run) is seen in
/// some explored schedule if any schedule has it. A monitor that compares the real order of two
/// independent deliveries sees one of their orders.</para>
/// <para>The search is one sequence of schedules, run on one worker whatever the number asked for:
/// its schedules, counts and digest do not depend on it.</para>
/// </remarks>
public static class DfsExplorer
{
    /// <param name="createRunner">Called once, on the calling thread, with 0: the one runner the search drives.</param>
    public static ExplorationReport Run(ExplorationOptions options, Func<int, IScheduleRunner> createRunner, Action<ScheduleSummary>? onSchedule = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createRunner);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Iterations);
        var schedules = new List<ScheduleSummary>();
        var violations = new List<Violation>();
        var tree = new DfsTree(options.StateCaching, options.SleepSets, options.DeviationBound);
        var depthBounded = false;
        // Time spent shrinking: not part of the time to a violation found after it.
        var shrinking = TimeSpan.Zero;
        IScheduleRunner? runner = null;
        Stopwatch clock;
        try
        {
            runner = createRunner(0);
            clock = Stopwatch.StartNew();
            for (var iteration = 0L; iteration < options.Iterations; iteration++)
            {
                var strategy = tree.NextSchedule();
                var schedule = runner.Run(options.Seed, strategy);
                strategy.Finish();
                // The tree's estimate as of the schedules before this one (this one counts when it backtracks).
                var summary = ScheduleSummary.Of(iteration, options.Seed, strategy.Name, schedule) with { Tree = tree.Estimate() };
                schedules.Add(summary);
                options.OnSchedule?.Invoke(summary);
                onSchedule?.Invoke(summary);
                depthBounded |= schedule.Outcome == RunOutcome.StepLimitReached;
                if (schedule.Failure is not null)
                {
                    var foundAfter = clock.Elapsed - shrinking;
                    var shrinkStart = clock.Elapsed;
                    var shrunk = options.Shrink
                        ? Shrinker.Shrink(schedule, candidate => runner.Run(options.Seed, candidate), options.ShrinkBudget)
                        : null;
                    var shrinkTime = clock.Elapsed - shrinkStart;
                    shrinking += shrinkTime;
                    violations.Add(new Violation(iteration, options.Seed, strategy.Name, schedule, shrunk) { FoundAfter = foundAfter, ShrinkTime = shrinkTime });
                    if (!options.KeepGoing)
                    {
                        break;
                    }
                }

                if (!tree.Backtrack())
                {
                    break;
                }
            }

            clock.Stop();
        }
#pragma warning disable CA1031 // Rethrown as the exploration's error, with its message.
        catch (Exception e) when (e is not ExplorationException)
#pragma warning restore CA1031
        {
            throw new ExplorationException($"the dfs exploration failed: {e.Message}", e);
        }
        finally
        {
            runner?.Dispose();
        }

        return new ExplorationReport
        {
            Options = options,
            Schedules = schedules,
            Violations = violations,
            Elapsed = clock.Elapsed,
            PctSteps = 0,
            Actors = 0,
            Dfs = new DfsSummary(tree.Exhausted, options.DeviationBound, depthBounded, tree.States, tree.Caching, tree.CachingOffReason, tree.CacheHits,
                tree.SleepBlocked, tree.Slept, [.. tree.StatesPerDepth]) { Estimate = tree.Estimate() },
        };
    }
}
