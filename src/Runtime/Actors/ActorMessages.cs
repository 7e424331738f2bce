namespace ActorHyper.Runtime;

/// <summary>Delivered to a watcher when an actor it watches has stopped.</summary>
public sealed record Terminated(IActorRef ActorRef)
{
    public override string ToString() => $"Terminated({ActorRef.Path})";
}

/// <summary>Messages the cell handles itself before the actor's behaviour: one type test on the hot path.</summary>
internal interface IAutoReceivedMessage;

/// <summary>Stops the receiver after the messages enqueued before it.</summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    public static PoisonPill Instance { get; } = new();

    private PoisonPill()
    {
    }

    public override string ToString() => nameof(PoisonPill);
}

/// <summary>Makes the receiver fail with <see cref="ActorKilledException"/>, so its supervisor decides.</summary>
public sealed class Kill : IAutoReceivedMessage
{
    public static Kill Instance { get; } = new();

    private Kill()
    {
    }

    public override string ToString() => nameof(Kill);
}

/// <summary>A failure sent as a reply: an <c>Ask</c> that receives it fails with <see cref="Cause"/>.</summary>
public sealed record StatusFailure(Exception Cause);
