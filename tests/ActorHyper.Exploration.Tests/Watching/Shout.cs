namespace ActorHyper.Exploration.Tests.Watching;

internal sealed record Shout(int N);
