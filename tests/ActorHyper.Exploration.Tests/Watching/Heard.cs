namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Published on the event stream by a <see cref="Shouter"/> handling <see cref="Shout"/> <see cref="N"/>.</summary>
internal sealed record Heard(int N);
