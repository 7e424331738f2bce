namespace ActorHyper.Hardware.Memory;

/// <summary>Code of a known program; its entry point is the first byte of the block.</summary>
public sealed record CodeBlock(CodeIdentity Identity) : MemoryContent
{
    public override string Describe() => Identity.Describe();

    public override string ToString() => Describe();
}
