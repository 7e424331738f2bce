namespace ActorHyper.Exploration.Exploring;

/// <summary>An exploration could not go on: a worker's runner threw (not a violation: a broken scenario or system).</summary>
public sealed class ExplorationException : Exception
{
    public ExplorationException()
    {
    }

    public ExplorationException(string message)
        : base(message)
    {
    }

    public ExplorationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
