using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Exploring;

/// <summary>One explored schedule, as the report keeps it; <paramref name="Faults"/>: how many faults the runner injected in it.</summary>
public sealed record ScheduleSummary(long Iteration, ulong Seed, string Strategy, RunOutcome Outcome, ulong TraceHash, long Steps, int Faults = 0);
