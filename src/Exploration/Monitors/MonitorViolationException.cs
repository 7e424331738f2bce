namespace ActorHyper.Exploration.Monitors;

/// <summary>Thrown by a monitor to fail the run.</summary>
public sealed class MonitorViolationException : Exception
{
    public MonitorViolationException(string message)
        : base(message)
    {
    }

    public MonitorViolationException()
    {
    }

    public MonitorViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
