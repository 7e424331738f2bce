namespace ActorHyper.Hardware.Memory;

/// <summary>
/// The result of fetching at an offset while expecting a program's entry point. <see cref="Reason"/>
/// is one line for a fault report; the faulting address is reported separately by the caller.
/// </summary>
public sealed record FetchResult(FetchOutcome Outcome, uint Offset, CodeIdentity Expected, MemoryContent? Found, uint DistanceFromEntry)
{
    public bool IsOk => Outcome == FetchOutcome.AtEntry;

    public string Reason => Outcome switch
    {
        FetchOutcome.AtEntry => $"the {Expected.Describe()} at its entry",
        FetchOutcome.NoCode when Found is null => $"no code here: empty memory (expected the {Expected.Describe()})",
        FetchOutcome.NoCode => $"no code here: {Found.Describe()} (expected the {Expected.Describe()})",
        FetchOutcome.WrongCode => $"wrong code: the {Found?.Describe()} is here (expected the {Expected.Describe()})",
        _ => $"0x{DistanceFromEntry:X} bytes inside the {Expected.Describe()}, not at its entry",
    };

    public override string ToString() => $"fetch at 0x{Offset:X8}: {Reason}";
}
