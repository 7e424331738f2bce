namespace ActorHyper.Hardware.Memory;

/// <summary>
/// The result of fetching at an offset, expecting a program's entry point or (with no
/// <see cref="Expected"/>) any code's entry point, as a core does when it continues at an address
/// it was handed. <see cref="Reason"/> is one line for a fault report; the faulting address is
/// reported separately by the caller.
/// </summary>
public sealed record FetchResult(FetchOutcome Outcome, uint Offset, CodeIdentity? Expected, MemoryContent? Found, uint DistanceFromEntry)
{
    public bool IsOk => Outcome == FetchOutcome.AtEntry;

    /// <summary>The code found at its entry when <see cref="IsOk"/>; otherwise null.</summary>
    public CodeIdentity? Code => IsOk && Found is CodeBlock block ? block.Identity : null;

    public string Reason => Outcome switch
    {
        FetchOutcome.AtEntry => $"the {Found?.Describe()} at its entry",
        FetchOutcome.NoCode when Found is null => $"no code here: empty memory{ExpectedSuffix}",
        FetchOutcome.NoCode => $"no code here: {Found.Describe()}{ExpectedSuffix}",
        FetchOutcome.WrongCode => $"wrong code: the {Found?.Describe()} is here{ExpectedSuffix}",
        _ => $"0x{DistanceFromEntry:X} bytes inside the {Found?.Describe()}, not at its entry",
    };

    public override string ToString() => $"fetch at 0x{Offset:X8}: {Reason}";

    private string ExpectedSuffix => Expected is { } expected ? $" (expected the {expected.Describe()})" : "";
}
