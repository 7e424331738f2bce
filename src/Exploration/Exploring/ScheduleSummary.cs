using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// One explored schedule, as the report keeps it; <paramref name="Faults"/>: how many faults the runner
/// injected in it; <paramref name="DeadLetters"/>: user messages that became dead letters in it (a runner
/// that does not count them says 0).
/// </summary>
public sealed record ScheduleSummary(long Iteration, ulong Seed, string Strategy, RunOutcome Outcome, ulong TraceHash, long Steps, int Faults = 0,
    int DeadLetters = 0)
{
    /// <summary>A depth-first search's estimate of its tree as of the schedules before this one (null for other strategies).</summary>
    public DfsTreeEstimate? Tree { get; init; }

    /// <summary>The summary of <paramref name="schedule"/>, run as <paramref name="iteration"/> with <paramref name="seed"/> and <paramref name="strategy"/>.</summary>
    public static ScheduleSummary Of(long iteration, ulong seed, string strategy, ScheduleResult schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleSummary(iteration, seed, strategy, schedule.Outcome, schedule.TraceHash, schedule.Steps, schedule.Faults.Count, schedule.DeadLetters);
    }
}
