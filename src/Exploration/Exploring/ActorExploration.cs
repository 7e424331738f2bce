using ActorHyper.Exploration.Export;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Explores any Akka.NET actors from a test: give it the options, a setup that builds the actors and
/// sends the first messages, and the monitors; it runs the schedules (each worker its own controlled
/// system, <see cref="ActorScheduleRunner"/>), shrinks a failing one, and returns the report, or
/// throws <see cref="ExplorationFailedException"/> with the invariant, the seed, the iteration and
/// the story when a monitor failed a schedule.
/// </summary>
/// <example>
/// <code>
/// var report = ActorExploration.Run(
///     new ExplorationOptions { Iterations = 200 },
///     setup: context =>
///     {
///         var server = context.ActorOf(Props.Create(() => new Server()), "server");
///         context.ActorOf(Props.Create(() => new Client(server)), "client").Tell(new Start());
///     },
///     monitors: () => [new DeliveryMonitor("one-reply", () => { var seen = 0; return d => d.Message is Reply &amp;&amp; ++seen > 1 ? "two replies" : null; })]);
/// </code>
/// </example>
public static class ActorExploration
{
    /// <param name="setup">Runs at the start of every schedule inside the parent of the run's actors (<c>/user/exploration/run</c>): <c>context.ActorOf</c> creates them, <c>Tell</c> sends the first messages.</param>
    /// <param name="monitors">Called once per worker: that worker's monitors (their state is per run, see <see cref="RunMonitor.OnRunStart"/>).</param>
    public static ExplorationReport Run(ExplorationOptions options, Action<Akka.Actor.IActorContext> setup,
        Func<IEnumerable<RunMonitor>>? monitors = null, ActorExplorationSettings? settings = null)
    {
        var report = Explore(options, setup, monitors, settings);
        return report.Violations.Count == 0 ? report : throw new ExplorationFailedException(report);
    }

    /// <summary>
    /// Replays a violation's schedule (the shrunk one) on a new system and records every delivery,
    /// for <see cref="RecordedRun.ToChromeTrace"/> or <see cref="RecordedRun.ToMermaid"/>. Give the
    /// setup, monitors and settings of the exploration that found it: the run is then the same, step for step.
    /// </summary>
    public static RecordedRun Replay(Violation violation, Action<Akka.Actor.IActorContext> setup,
        Func<IEnumerable<RunMonitor>>? monitors = null, ActorExplorationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(violation);
        ArgumentNullException.ThrowIfNull(setup);
        var recorder = new RunRecorder();
        using var runner = new ActorScheduleRunner(setup, monitors?.Invoke() ?? [], settings, violation.Seed);
        runner.AddMonitor(recorder);
        var result = runner.Run(violation.Seed, recorder.Wrap(new ReplayStrategy(violation.Schedule.Decisions)));
        // Copied before the system is terminated: stopping delivers messages too.
        return new RecordedRun(result, [.. recorder.Deliveries]);
    }

    /// <summary>As <see cref="Run"/>, but a violation is in the report only, not thrown.</summary>
    public static ExplorationReport Explore(ExplorationOptions options, Action<Akka.Actor.IActorContext> setup,
        Func<IEnumerable<RunMonitor>>? monitors = null, ActorExplorationSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(setup);
        return Explorer.Run(options, _ => new ActorScheduleRunner(setup, monitors?.Invoke() ?? [], settings, options.Seed));
    }
}
