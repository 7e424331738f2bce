namespace ActorHyper.Host.Exploring;

/// <summary>A scenario that cannot be read; the message is one line: <c>scenario FILE:LINE: what is wrong</c>.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
