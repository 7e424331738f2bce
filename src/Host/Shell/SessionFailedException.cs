namespace ActorHyper.Host.Shell;

/// <summary>The machine could not be run (it did not start); the message is one line for the user.</summary>
public sealed class SessionFailedException(string message) : Exception(message);
