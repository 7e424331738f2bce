using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// What one schedule of an exploration did: how its run ended, the monitor's violation if any, every
/// decision (by identity) with the index chosen at its step, the trace hash, the steps, and for a
/// failed run a short story (its last deliveries, in the system's own words).
/// </summary>
public sealed record ScheduleResult(
    RunOutcome Outcome,
    RunFailure? Failure,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<int> ChosenIndices,
    ulong TraceHash,
    long Steps,
    IReadOnlyList<string> Story)
{
    /// <summary>The run's result as <paramref name="driver"/> holds it now, copied (the driver's lists are reused by the next run).</summary>
    public static ScheduleResult From(ControlledDriver driver, RunOutcome outcome, IReadOnlyList<string>? story = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        return new ScheduleResult(outcome, driver.Failure, [.. driver.Decisions], [.. driver.ChosenIndices], driver.TraceHash,
            driver.Steps, story ?? []) { Model = driver.Model };
    }

    /// <summary>The execution model the run was made under (null for a runner without a driver).</summary>
    public ExecutionModel? Model { get; init; }

    /// <summary>The (actor type, message type, state) triples the run delivered, in order (none unless the runner keeps a <see cref="CoverageMonitor"/>).</summary>
    public IReadOnlyList<CoverageTriple> Coverage { get; init; } = [];

    /// <summary>The faults the run injected, by the runner's names, in order (none for a runner without faults).</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];

    /// <summary>The indices of the scenario's commands the run was given (none for a runner that does not say).</summary>
    public IReadOnlyList<int> Commands { get; init; } = [];

    /// <summary>User messages that became dead letters in the run (0 for a runner that does not count them).</summary>
    public int DeadLetters { get; init; }

    /// <summary>How many decisions took another choice than the default order's first.</summary>
    public int Deviations => ChosenIndices.Count(static index => index != 0);
}
