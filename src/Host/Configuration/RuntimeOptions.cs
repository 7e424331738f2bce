using ActorHyper.Actors.Machine;
using Microsoft.Extensions.Configuration;

namespace ActorHyper.Host.Configuration;

/// <summary><c>actorhyper.runtime</c>: how the actor system executes.</summary>
public sealed class RuntimeOptions
{
    /// <summary><c>concurrent</c> or <c>controlled</c>.</summary>
    public string Mode { get; set; } = "concurrent";

    public ulong Seed { get; set; }

    public int Throughput { get; set; }

    [ConfigurationKeyName("step-limit")]
    public long StepLimit { get; set; }

    public ExecutionMode ExecutionMode => Mode == "controlled" ? ExecutionMode.Controlled : ExecutionMode.Concurrent;
}
