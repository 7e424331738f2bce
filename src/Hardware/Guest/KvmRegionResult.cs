namespace ActorHyper.Hardware.Guest;

/// <summary>A created <see cref="KvmRegion"/>, or a one-line refusal after which nothing is allocated.</summary>
public sealed record KvmRegionResult
{
    private KvmRegionResult(KvmRegion? region, string? refusal)
    {
        Region = region;
        Refusal = refusal;
    }

    public KvmRegion? Region { get; }

    public string? Refusal { get; }

    public bool Succeeded => Region is not null;

    public static KvmRegionResult Created(KvmRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new KvmRegionResult(region, null);
    }

    public static KvmRegionResult Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new KvmRegionResult(null, reason);
    }

    public override string ToString() => Region?.ToString() ?? $"refused: {Refusal}";
}
