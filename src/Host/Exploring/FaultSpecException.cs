namespace ActorHyper.Host.Exploring;

/// <summary>A fault spec that cannot be read; the message is one line naming where and what.</summary>
public sealed class FaultSpecException : Exception
{
    public FaultSpecException()
    {
    }

    public FaultSpecException(string message)
        : base(message)
    {
    }

    public FaultSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
