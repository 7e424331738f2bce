namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// How long an exploration took to find its first violation (in iteration order): the schedules run up
/// to and including the violating one, and the wall time from the first schedule's start to the
/// violating schedule's end, less the time its worker spent shrinking earlier violations.
/// </summary>
public sealed record TimeToViolation(long Schedules, TimeSpan Elapsed);
