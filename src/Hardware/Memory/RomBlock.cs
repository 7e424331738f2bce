namespace ActorHyper.Hardware.Memory;

/// <summary>A code block at a fixed place in the boot ROM (offsets relative to the ROM segment).</summary>
public readonly record struct RomBlock(CodeIdentity Code, uint Offset, uint Length)
{
    public ulong End => (ulong)Offset + Length;

    public override string ToString() => $"{Code.Describe()} at ROM+0x{Offset:X} (0x{Length:X} bytes)";
}
