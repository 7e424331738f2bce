
using ActorHyper.Exploration.Exploring;

namespace ActorHyper.Host.Exploring;

/// <summary>An exploration's report with what the command adds: the scenario, the variant, the configuration's hash and each violation's trace file.</summary>
public sealed record ExplorationOutcome(
    ExplorationReport Report,
    Scenario Scenario,
    string Variant,
    ExplorationConfiguration Configuration,
    IReadOnlyList<string?> TraceFiles);
