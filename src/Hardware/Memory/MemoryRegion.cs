namespace ActorHyper.Hardware.Memory;

/// <summary>
/// A run of memory holding one content. <see cref="ContentOffset"/> is how far into the content the
/// run starts: 0 for a whole block, more for the tail left when an overlapping write cut the head
/// off. It travels with copies, so a copy of a tail is still not an entry point.
/// </summary>
public readonly record struct MemoryRegion(uint Offset, uint Length, MemoryContent Content, uint ContentOffset = 0)
{
    /// <summary>One past the last byte (may be 2^32).</summary>
    public ulong End => (ulong)Offset + Length;

    public bool Contains(uint offset) => offset >= Offset && offset < End;

    public override string ToString() =>
        ContentOffset == 0
            ? $"0x{Offset:X8}..0x{End:X8} {Content.Describe()}"
            : $"0x{Offset:X8}..0x{End:X8} {Content.Describe()} (from +0x{ContentOffset:X})";
}
