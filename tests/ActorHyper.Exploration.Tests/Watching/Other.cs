namespace ActorHyper.Exploration.Tests.Watching;

internal sealed record Other(int N);
