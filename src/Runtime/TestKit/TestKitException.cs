namespace ActorHyper.Runtime.TestKit;

/// <summary>An expectation of a <see cref="TestProbe"/> was not met.</summary>
public sealed class TestKitException(string message) : Exception(message);
