
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// What tests add to <c>explore</c> and <c>replay</c>: monitors of their own on every machine (a new
/// set per machine: monitors keep a run's state), so a violation can be planted without a variant.
/// </summary>
internal sealed record ExplorationHooks(Func<IReadOnlyList<RunMonitor>> Monitors);
