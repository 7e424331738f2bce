using Serilog;

namespace ActorHyper.Runtime;

/// <summary>A message handler: returns false when it does not handle the message.</summary>
public delegate bool Receive(object message);

/// <summary>What an actor may do while it handles a message. Only valid on the actor's own turn.</summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the current message, or the system's dead letters when there was none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    IReadOnlyList<IActorRef> Children { get; }

    ActorSystem System { get; }

    IActorRef ActorOf(Props props, string? name = null);

    IActorRef? Child(string name);

    /// <summary>Replaces (or, with <paramref name="discardOld"/> false, pushes onto) the current behaviour.</summary>
    void Become(Receive receive, bool discardOld = true);

    /// <summary>Pops the behaviour pushed last; the initial behaviour is never popped.</summary>
    void Unbecome();

    /// <summary>Keeps the current message aside until <see cref="UnstashAll"/>.</summary>
    void Stash();

    /// <summary>Puts every stashed message back at the front of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Stops a child, or this actor itself; other actors must be asked to stop by message.</summary>
    void Stop(IActorRef actor);

    IActorRef Watch(IActorRef actor);

    IActorRef Unwatch(IActorRef actor);

    /// <summary>Timers in the system's time: wall time when concurrent, virtual time when controlled.</summary>
    IScheduler Scheduler { get; }

    /// <summary>The system's clock: elapsed time since the system started (virtual when controlled).</summary>
    TimeSpan Now { get; }

    /// <summary>This actor's random source, seeded from the system seed and the actor's path.</summary>
    DeterministicRandom Random { get; }

    /// <summary>A logger carrying this actor's path as the <c>ActorPath</c> property.</summary>
    ILogger Log { get; }
}
