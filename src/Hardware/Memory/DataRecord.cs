namespace ActorHyper.Hardware.Memory;

/// <summary>A data record in memory; compares by the record's value.</summary>
public sealed record DataRecord(IMemoryData Data) : MemoryContent
{
    public override string Describe() => $"{Data.DataName} data";

    public override string ToString() => Describe();
}
