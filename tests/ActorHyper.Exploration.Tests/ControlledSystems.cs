using ActorHyper.Exploration.Driver;
using Akka.Actor;
using Akka.Configuration;

namespace ActorHyper.Exploration.Tests;

/// <summary>Controlled actor systems for tests: each its own driver, its own seed.</summary>
internal static class ControlledSystems
{
    public static ActorSystem Create(ulong seed, string? extraHocon = null, ExecutionModel? model = null) =>
        ActorSystem.Create("test", ConfigurationFactory.ParseString(extraHocon ?? string.Empty).WithFallback(ControlledConfig.Controlled(seed, model: model)));

    public static ControlledDriver Driver(this ActorSystem system) => ControlledDriver.Of(system);
}
