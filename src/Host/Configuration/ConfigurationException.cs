namespace ActorHyper.Host.Configuration;

/// <summary>The configuration cannot be used; the message is one line, positioned where possible.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
