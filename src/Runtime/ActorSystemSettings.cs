using ActorHyper.Runtime.Controlled;
using Serilog;

namespace ActorHyper.Runtime;

/// <summary>How an actor system executes.</summary>
public enum ExecutionMode
{
    /// <summary>Mailboxes run on the .NET thread pool: real parallelism, real races.</summary>
    Concurrent,

    /// <summary>One thread, one delivery per step chosen by a strategy, virtual time: reproducible from a seed.</summary>
    Controlled,
}

/// <summary>The settings an actor system is created from.</summary>
public sealed record ActorSystemSettings
{
    public ExecutionMode Mode { get; init; } = ExecutionMode.Concurrent;

    /// <summary>The one seed of all randomness: actors' random sources and, when controlled, the default strategy.</summary>
    public ulong Seed { get; init; }

    /// <summary>Concurrent mode: user messages a mailbox handles per turn on a thread.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>Controlled mode: the run stops after this many deliveries.</summary>
    public long StepLimit { get; init; } = 10_000_000;

    /// <summary>Controlled mode: the scheduling strategy; a <see cref="RandomStrategy"/> on <see cref="Seed"/> when null.</summary>
    public ISchedulingStrategy? Strategy { get; init; }

    /// <summary>Where the runtime and actors log; nothing is logged when null.</summary>
    public ILogger? Logger { get; init; }

    public static ActorSystemSettings Concurrent(int throughput = 100) => new() { Throughput = throughput };

    public static ActorSystemSettings Controlled(ulong seed, ISchedulingStrategy? strategy = null) =>
        new() { Mode = ExecutionMode.Controlled, Seed = seed, Strategy = strategy };
}
