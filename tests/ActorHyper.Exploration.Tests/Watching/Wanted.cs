namespace ActorHyper.Exploration.Tests.Watching;

internal sealed record Wanted(int N);
