namespace ActorHyper.Host.Exploring;

/// <summary>A trace file that cannot be replayed; the message is one line: <c>trace FILE: what is wrong</c>.</summary>
public sealed class TraceFileException : Exception
{
    public TraceFileException()
    {
    }

    public TraceFileException(string message)
        : base(message)
    {
    }

    public TraceFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
