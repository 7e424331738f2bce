using ActorHyper.Exploration.Driver;
using Akka.Actor;
using Akka.Configuration;

namespace ActorHyper.Actors.Machine;

/// <summary>Actor systems for a machine, controlled or concurrent, from a mode and a seed.</summary>
public static class MachineSystems
{
    /// <summary>
    /// The Akka configuration of <paramref name="mode"/>: controlled (every actor on the default
    /// dispatcher driven by the controlled dispatcher, timers in virtual time) or concurrent (plain
    /// Akka.NET), with <paramref name="seed"/> as the seed of actors' randomness (and, controlled, of the schedule).
    /// </summary>
    public static Config Config(ExecutionMode mode, ulong seed) =>
        mode == ExecutionMode.Controlled ? ControlledConfig.Controlled(seed, model: ExecutionModel.Chip) : ControlledConfig.Concurrent(seed);

    /// <summary>
    /// A new actor system of <paramref name="mode"/>. <paramref name="extra"/> (say, the program's
    /// <c>akka</c> section) is the fallback: what makes the mode (the dispatcher, the scheduler, the seed) wins over it.
    /// </summary>
    public static ActorSystem Create(string name, ExecutionMode mode, ulong seed, Config? extra = null)
    {
        var config = Config(mode, seed);
        return ActorSystem.Create(name, extra is null ? config : config.WithFallback(extra));
    }

    /// <summary>The mode <paramref name="system"/> runs in.</summary>
    public static ExecutionMode ModeOf(ActorSystem system) =>
        ControlledDriver.IsControlled(system) ? ExecutionMode.Controlled : ExecutionMode.Concurrent;
}
