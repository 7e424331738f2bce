namespace ActorHyper.Runtime;

/// <summary>A message that could not be delivered (its recipient had stopped, or it was sent to no one).</summary>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient)
{
    public override string ToString() =>
        $"DeadLetter({Message.GetType().Name} from {Sender?.Path.ToString() ?? "no sender"} to {Recipient.Path})";
}

/// <summary>A message that reached a live actor none of whose handlers took it.</summary>
public sealed record UnhandledMessage(object Message, IActorRef? Sender, IActorRef Recipient);
