using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

// What the actors tell the monitors, on the event stream, at the moment it happens (as the
// original's actors notify its monitors).

/// <summary>The detector is sending <paramref name="Node"/> a ping.</summary>
public sealed record PingSent(IActorRef Node);

/// <summary><paramref name="Node"/> is answering a ping.</summary>
public sealed record PongSent(IActorRef Node);

/// <summary>The driver has made the nodes, each of which it will fail.</summary>
public sealed record NodesStarted(IReadOnlyList<IActorRef> Nodes);

/// <summary>The driver has been told that <paramref name="Node"/> failed.</summary>
public sealed record FailureReported(IActorRef Node);
