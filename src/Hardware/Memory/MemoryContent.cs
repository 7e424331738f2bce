namespace ActorHyper.Hardware.Memory;

/// <summary>
/// A symbol stored in memory instead of bytes: a code block or a data record. Empty space is the
/// absence of content. Symbols make a missing or misplaced copy observable at the next fetch.
/// </summary>
public abstract record MemoryContent
{
    /// <summary>E.g. <c>boot loader</c> or <c>arch-info data</c>.</summary>
    public abstract string Describe();
}
