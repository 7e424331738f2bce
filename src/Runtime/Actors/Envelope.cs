namespace ActorHyper.Runtime;

/// <summary>A user message with the sender it was told with.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
