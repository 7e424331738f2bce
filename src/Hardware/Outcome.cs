namespace ActorHyper.Hardware;

/// <summary>
/// Success, or a refusal with a one-line reason. Hardware operations that a buggy protocol can
/// misuse (activating an unconfigured HAT, double-routing an interrupt) return this instead of
/// throwing, so the owning actor can turn the reason into a fault or a refusal message.
/// </summary>
public readonly record struct Outcome
{
    private Outcome(string? refusal) => Refusal = refusal;

    public static Outcome Success => default;

    /// <summary>The reason, or null on success.</summary>
    public string? Refusal { get; }

    public bool IsSuccess => Refusal is null;

    public static Outcome Refused(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Outcome(reason);
    }

    public override string ToString() => Refusal ?? "ok";
}
