namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Tells a server to start <see cref="Rallies"/> rallies of <see cref="Hits"/> deliveries each.</summary>
internal sealed record Serve(long Id, int Rallies, int Hits);
