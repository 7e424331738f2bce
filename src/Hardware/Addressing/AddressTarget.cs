namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// What a machine address reaches: a cluster's RAM, XICU mailbox or DMA, or one of the I/O
/// cluster's segments with its channel; or nothing, with the reason.
/// </summary>
public sealed record AddressTarget
{
    private AddressTarget(MachineAddress address, DeviceKind? kind, uint segmentOffset, int channel, int subChannel, string? reason)
    {
        Address = address;
        Kind = kind;
        SegmentOffset = segmentOffset;
        Channel = channel;
        SubChannel = subChannel;
        UnmappedReason = reason;
    }

    public MachineAddress Address { get; }

    /// <summary>Null when nothing answers at the address.</summary>
    public DeviceKind? Kind { get; }

    public bool IsMapped => Kind is not null;

    public ClusterId Cluster => Address.Cluster;

    /// <summary>RAM: the RAM offset. Devices: the offset inside the channel's register window.</summary>
    public uint SegmentOffset { get; }

    /// <summary>IOC/TTY/FBF: the channel; XICU: the WTI slot; IOPIC: the input; otherwise 0.</summary>
    public int Channel { get; }

    /// <summary>TTY only: the sub-channel 0..3.</summary>
    public int SubChannel { get; }

    public string? UnmappedReason { get; }

    public static AddressTarget Mapped(MachineAddress address, DeviceKind kind, uint segmentOffset, int channel = 0, int subChannel = 0) =>
        new(address, kind, segmentOffset, channel, subChannel, null);

    public static AddressTarget Unmapped(MachineAddress address, string reason) =>
        new(address, null, 0, 0, 0, reason);

    public override string ToString() => Kind switch
    {
        null => $"unmapped {Address}: {UnmappedReason}",
        DeviceKind.Ram => $"RAM of {Cluster} +0x{SegmentOffset:X8}",
        DeviceKind.Xicu => $"XICU of {Cluster} slot {Channel}",
        DeviceKind.Dma => $"DMA of {Cluster} +0x{SegmentOffset:X}",
        DeviceKind.Rom => $"ROM +0x{SegmentOffset:X}",
        DeviceKind.Tty => $"TTY channel {Channel}.{SubChannel} +0x{SegmentOffset:X}",
        DeviceKind.Iopic => $"IOPIC input {Channel} +0x{SegmentOffset:X}",
        _ => $"{Kind.Value.ToString().ToUpperInvariant()} channel {Channel} +0x{SegmentOffset:X}",
    };
}
