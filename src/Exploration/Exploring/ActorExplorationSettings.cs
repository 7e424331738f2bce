namespace ActorHyper.Exploration.Exploring;

/// <summary>How <see cref="ActorExploration"/> builds and bounds each worker's actor system and each run.</summary>
public sealed record ActorExplorationSettings
{
    /// <summary>A run stops after this many deliveries (a protocol that never settles is cut here, not hung).</summary>
    public long StepLimit { get; init; } = 100_000;

    /// <summary>A run stops when nothing can happen before this virtual time (null: only when nothing can happen at all).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>HOCON layered over the controlled configuration (the actors' own settings); it must not set the dispatcher or scheduler.</summary>
    public string? Hocon { get; init; }

    /// <summary>The actor system's name (the same in every worker: paths are part of the trace).</summary>
    public string SystemName { get; init; } = "explore";

    /// <summary>Deliveries a violation's story shows.</summary>
    public int StoryLength { get; init; } = 20;
}
