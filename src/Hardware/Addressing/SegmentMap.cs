namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// The fixed segment offsets inside a cluster's 32-bit offset space, TSAR style: RAM from 0, the
/// boot ROM at the MIPS reset address, device segments in the top quarter. Every cluster has RAM,
/// an XICU and a DMA; only the I/O cluster answers at the ROM, FBF, TTY, IOC and IOPIC offsets.
/// <see cref="Locate"/> knows nothing of a machine's channel counts; <see cref="AddressMap"/> does.
/// </summary>
public static class SegmentMap
{
    public const uint RamBase = 0x0000_0000;

    /// <summary>RAM must end below the ROM segment so that the two never overlap.</summary>
    public const long MaxRamSize = RomBase;

    /// <summary>The MIPS reset vector, where TSAR puts its boot ROM.</summary>
    public const uint RomBase = 0xBFC0_0000;
    public const uint RomSize = 0x0001_0000;

    public const uint FbfBase = 0xC000_0000;
    public const uint FbfChannelSize = 0x0010_0000;

    public const uint XicuBase = 0xF000_0000;
    public const uint XicuSlotStride = 4;

    public const uint DmaBase = 0xF100_0000;
    public const uint DmaSize = 0x0000_1000;

    public const uint TtyBase = 0xF400_0000;
    public const uint TtyChannelStride = 0x0000_1000;
    public const uint TtySubChannelStride = 0x10;
    public const int TtySubChannels = 4;

    public const uint IocBase = 0xF500_0000;
    public const uint IocChannelStride = 0x0000_1000;

    public const uint IopicBase = 0xF900_0000;
    public const uint IopicInputStride = 0x10;

    /// <summary>Upper bound on IOC, TTY and FB channels (keeps the FBF segment below the XICU's).</summary>
    public const int MaxChannels = 256;

    /// <summary>Upper bound on WTI mailboxes per XICU.</summary>
    public const int MaxWtiSlots = 1024;

    /// <summary>One IOPIC input per IOC channel, then one per TTY sub-channel.</summary>
    public const int MaxIopicInputs = MaxChannels * (1 + TtySubChannels);

    public static uint XicuSlotOffset(int slot) => XicuBase + (CheckedIndex(slot, MaxWtiSlots, "XICU slot") * XicuSlotStride);

    public static uint IocChannelOffset(int channel) => IocBase + (CheckedIndex(channel, MaxChannels, "IOC channel") * IocChannelStride);

    public static uint TtyChannelOffset(int channel) => TtyBase + (CheckedIndex(channel, MaxChannels, "TTY channel") * TtyChannelStride);

    public static uint TtySubChannelOffset(int channel, int subChannel) =>
        TtyChannelOffset(channel) + (CheckedIndex(subChannel, TtySubChannels, "TTY sub-channel") * TtySubChannelStride);

    public static uint FbfChannelOffset(int channel) => FbfBase + (CheckedIndex(channel, MaxChannels, "FB channel") * FbfChannelSize);

    public static uint IopicInputOffset(int input) => IopicBase + (CheckedIndex(input, MaxIopicInputs, "IOPIC input") * IopicInputStride);

    /// <summary>Which device segment an offset falls in, if any (RAM is not a device segment here).</summary>
    public static SegmentHit? Locate(uint offset)
    {
        if (offset is >= RomBase and < RomBase + RomSize)
        {
            return new SegmentHit(DeviceKind.Rom, offset - RomBase, 0, 0);
        }
        if (InStrided(offset, FbfBase, FbfChannelSize, MaxChannels, out var fb, out var fbOffset))
        {
            return new SegmentHit(DeviceKind.Fbf, fbOffset, fb, 0);
        }
        if (InStrided(offset, XicuBase, XicuSlotStride, MaxWtiSlots, out var slot, out var slotOffset))
        {
            return new SegmentHit(DeviceKind.Xicu, slotOffset, slot, 0);
        }
        if (offset is >= DmaBase and < DmaBase + DmaSize)
        {
            return new SegmentHit(DeviceKind.Dma, offset - DmaBase, 0, 0);
        }
        if (InStrided(offset, TtyBase, TtyChannelStride, MaxChannels, out var tty, out var ttyOffset))
        {
            // Only the first 4 sub-channel register sets of a channel's page are wired.
            return ttyOffset < TtySubChannels * TtySubChannelStride
                ? new SegmentHit(DeviceKind.Tty, ttyOffset % TtySubChannelStride, tty, (int)(ttyOffset / TtySubChannelStride))
                : null;
        }
        if (InStrided(offset, IocBase, IocChannelStride, MaxChannels, out var ioc, out var iocOffset))
        {
            return new SegmentHit(DeviceKind.Ioc, iocOffset, ioc, 0);
        }
        if (InStrided(offset, IopicBase, IopicInputStride, MaxIopicInputs, out var input, out var inputOffset))
        {
            return new SegmentHit(DeviceKind.Iopic, inputOffset, input, 0);
        }
        return null;
    }

    private static bool InStrided(uint offset, uint baseOffset, uint stride, int count, out int index, out uint within)
    {
        index = 0;
        within = 0;
        if (offset < baseOffset || (ulong)(offset - baseOffset) >= (ulong)stride * (ulong)count)
        {
            return false;
        }
        index = (int)((offset - baseOffset) / stride);
        within = (offset - baseOffset) % stride;
        return true;
    }

    private static uint CheckedIndex(int index, int count, string what)
    {
        if (index < 0 || index >= count)
        {
            throw new ArgumentException($"{what} must be between 0 and {count - 1}, got {index}");
        }
        return (uint)index;
    }
}
