namespace ActorHyper.Hardware.Resources;

/// <summary>A granted <see cref="Allocation"/>, or a one-line refusal after which nothing is allocated.</summary>
public sealed record AllocationResult
{
    private AllocationResult(Allocation? allocation, string? refusal)
    {
        Allocation = allocation;
        Refusal = refusal;
    }

    public Allocation? Allocation { get; }

    public string? Refusal { get; }

    public bool Succeeded => Allocation is not null;

    public static AllocationResult Granted(Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return new AllocationResult(allocation, null);
    }

    public static AllocationResult Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AllocationResult(null, reason);
    }

    public override string ToString() => Allocation?.ToString() ?? $"refused: {Refusal}";
}
