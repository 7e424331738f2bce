using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Exploring;

/// <summary>How <see cref="ActorExploration"/> builds and bounds each worker's actor system and each run.</summary>
public sealed record ActorExplorationSettings
{
    /// <summary>A run stops after this many deliveries (a protocol that never settles is cut here, not hung).</summary>
    public long StepLimit { get; init; } = 100_000;

    /// <summary>A run stops when nothing can happen before this virtual time (null: only when nothing can happen at all).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>What the system is taken to be: local Akka.NET by default (causal delivery, timers that race every message). Stated in the report.</summary>
    public ExecutionModel Model { get; init; } = ExecutionModel.LocalActors;

    /// <summary>A hot monitor (<see cref="RunMonitor.IsHot"/>) that stays hot for more steps than this fails the run (null: no bound in steps).</summary>
    public long? HotStepLimit { get; init; } = 50_000;

    /// <summary>A hot monitor that stays hot for more virtual time than this fails the run (null: no bound in time).</summary>
    public TimeSpan? HotTimeLimit { get; init; }

    /// <summary>HOCON layered over the controlled configuration (the actors' own settings); it must not set the dispatcher or scheduler.</summary>
    public string? Hocon { get; init; }

    /// <summary>The actor system's name (the same in every worker: paths are part of the trace).</summary>
    public string SystemName { get; init; } = "explore";

    /// <summary>Deliveries of the failing delivery's causal history a violation's story shows at most (<see cref="CausalStory"/>).</summary>
    public int StoryLength { get; init; } = CausalStory.DefaultLines;

    /// <summary>
    /// Crashes that are no finding: given the actor's type (its Props') and the exception that escaped
    /// it, true to let it pass (an actor designed to crash and be restarted). Null: every crash is a
    /// violation, <c>crash</c> (<see cref="CrashMonitor"/>).
    /// </summary>
    public Func<Type, Exception, bool>? AllowCrashes { get; init; }

    /// <summary>
    /// Unhandled messages that are no finding: given the receiver's type and the message, true to let
    /// it pass. Null: every unhandled message is a violation, <c>unhandled</c> (<see cref="UnhandledMonitor"/>).
    /// </summary>
    public Func<Type, object, bool>? AllowUnhandled { get; init; }

    /// <summary>A dead letter of a user message fails the run, as <c>dead-letter</c>; they are only counted otherwise (<see cref="DeadLetterMonitor"/>).</summary>
    public bool DeadLettersAreViolations { get; init; }

    /// <summary>These settings, letting actors of the given types (and their subtypes) crash, whatever they throw.</summary>
    public ActorExplorationSettings AllowCrashesOf(params Type[] actorTypes)
    {
        ArgumentNullException.ThrowIfNull(actorTypes);
        var before = AllowCrashes;
        return this with { AllowCrashes = (actor, cause) => actorTypes.Any(t => t.IsAssignableFrom(actor)) || (before?.Invoke(actor, cause) ?? false) };
    }

    /// <summary>These settings, letting actors of the given types (and their subtypes) leave any message unhandled.</summary>
    public ActorExplorationSettings AllowUnhandledOf(params Type[] actorTypes)
    {
        ArgumentNullException.ThrowIfNull(actorTypes);
        var before = AllowUnhandled;
        return this with { AllowUnhandled = (actor, message) => actorTypes.Any(t => t.IsAssignableFrom(actor)) || (before?.Invoke(actor, message) ?? false) };
    }
}
