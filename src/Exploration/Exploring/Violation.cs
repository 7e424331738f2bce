using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// A schedule that failed an invariant: which iteration, seed and strategy, the monitor's failure,
/// the story of the original run, and the schedule after shrinking (<see cref="Shrink"/>, null when
/// not shrunk), whose decisions are what a trace file keeps.
/// </summary>
public sealed record Violation(long Iteration, ulong Seed, string Strategy, ScheduleResult Original, ShrinkResult? Shrink)
{
    public RunFailure Failure => Original.Failure!;

    /// <summary>The monitor that failed the run.</summary>
    public string Invariant => Failure.Monitor;

    /// <summary>The schedule to keep and replay: the shrunk one, or the original.</summary>
    public ScheduleResult Schedule => Shrink?.Shrunk ?? Original;

    /// <summary>Wall time from the exploration's start to the end of this schedule, less the time its worker spent shrinking before it.</summary>
    public TimeSpan FoundAfter { get; init; }

    /// <summary>Wall time spent shrinking this violation (zero when not shrunk).</summary>
    public TimeSpan ShrinkTime { get; init; }
}
