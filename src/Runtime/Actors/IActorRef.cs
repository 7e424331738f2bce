namespace ActorHyper.Runtime;

/// <summary>A handle to an actor: the only way to reach it. Safe to share between threads.</summary>
public interface IActorRef : IEquatable<IActorRef>
{
    ActorPath Path { get; }

    /// <summary>Enqueues <paramref name="message"/>; never blocks, never throws for a stopped target (it becomes a dead letter).</summary>
    void Tell(object message, IActorRef? sender = null);
}

/// <summary>Well-known sender values, as in Akka.</summary>
public static class ActorRefs
{
    /// <summary>"No sender": replies to it become dead letters.</summary>
    public static readonly IActorRef? NoSender;
}
