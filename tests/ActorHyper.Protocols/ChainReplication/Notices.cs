using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

// What the actors tell the monitors, on the event stream, at the moment it happens (as the
// original's actors notify its monitors synchronously). Each carries a copy, never a live list.

/// <summary>The chain as the master knows it: at the start and after each failure it corrects.</summary>
public sealed record ChainChanged(IReadOnlyList<IActorRef> Servers);

/// <summary>A server that is not the tail has added an update to its history (the sequence numbers it has seen).</summary>
public sealed record HistoryReported(IActorRef Server, IReadOnlyList<int> History);

/// <summary>A server that is not the tail has passed an update on: the numbers it has sent and not yet seen acknowledged.</summary>
public sealed record SentReported(IActorRef Server, IReadOnlyList<int> Sent);

/// <summary>A tail has told a client its update is done.</summary>
public sealed record UpdateAnswered(IActorRef Tail, int Key, int Value);

/// <summary>A tail has answered a query with a value it holds.</summary>
public sealed record QueryAnswered(IActorRef Tail, int Key, int Value);
