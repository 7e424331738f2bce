namespace ActorHyper.Runtime;

/// <summary>A child name was invalid or already taken.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);

/// <summary>The actor's constructor or <c>PreStart</c> threw; by default its supervisor stops it.</summary>
public sealed class ActorInitializationException(ActorPath path, Exception cause)
    : Exception($"actor {path} failed to initialize: {cause.Message}", cause)
{
    public ActorPath Path { get; } = path;
}

/// <summary>Raised inside an actor that received <see cref="Kill"/>; by default its supervisor stops it.</summary>
public sealed class ActorKilledException(ActorPath path) : Exception($"actor {path} was killed");

/// <summary>An actor watched another, got <see cref="Terminated"/> and did not handle it.</summary>
public sealed class DeathPactException(IActorRef dead)
    : Exception($"unhandled Terminated for {dead.Path}: a watching actor must handle Terminated")
{
    public IActorRef DeadActor { get; } = dead;
}

/// <summary>An <c>Ask</c> got no reply within its timeout.</summary>
public sealed class AskTimeoutException(string message) : TimeoutException(message);
