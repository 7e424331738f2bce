using Akka.Actor;

namespace ActorHyper.Exploration.Monitors;

/// <summary>One delivery of a controlled run, as monitors see it, before the receiver's handler runs.</summary>
public sealed record Delivery(long Step, TimeSpan Now, string Receiver, string Sender, object Message, IActorRef ReceiverRef, bool IsTimer);
