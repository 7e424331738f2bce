namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>A ping-pong ball: <see cref="Parent"/> is the message whose handler sent it (0: from outside), for checking causality.</summary>
internal sealed record Ball(long Id, long Parent, int Remaining, bool Flagged = false);
