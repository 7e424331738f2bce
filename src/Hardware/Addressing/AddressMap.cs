namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// Decodes machine addresses for one machine: which cluster's RAM, XICU mailbox or DMA, or which
/// I/O-cluster segment and channel, answers; everything else is unmapped with a reason. Immutable.
/// </summary>
public sealed class AddressMap
{
    public AddressMap(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec.Validated();
    }

    public MachineSpec Spec { get; }

    /// <summary>One IOPIC input per IOC channel, then one per TTY sub-channel.</summary>
    public int IopicInputCount => Spec.IocChannels + (Spec.TtyChannels * SegmentMap.TtySubChannels);

    public AddressTarget Decode(ulong raw) => Decode(MachineAddress.FromRaw(raw));

    public AddressTarget Decode(MachineAddress address)
    {
        if (!Spec.Contains(address.Cluster))
        {
            return AddressTarget.Unmapped(address, $"cluster {address.Cluster} is outside the {Spec.MeshX}x{Spec.MeshY} mesh");
        }
        if (address.Offset < Spec.RamPerCluster)
        {
            return AddressTarget.Mapped(address, DeviceKind.Ram, address.Offset);
        }
        if (SegmentMap.Locate(address.Offset) is not { } hit)
        {
            return AddressTarget.Unmapped(address, address.Offset < SegmentMap.MaxRamSize
                ? $"offset 0x{address.Offset:X8} is past the end of RAM (0x{Spec.RamPerCluster:X8} bytes)"
                : $"no segment at offset 0x{address.Offset:X8}");
        }
        return hit.Kind switch
        {
            DeviceKind.Xicu => CheckChannel(address, hit, "XICU slot", Spec.WtiSlots, "slots"),
            DeviceKind.Dma => AddressTarget.Mapped(address, DeviceKind.Dma, hit.SegmentOffset),
            _ when address.Cluster != Spec.IoCluster => AddressTarget.Unmapped(
                address, $"the {Name(hit.Kind)} answers only in the I/O cluster {Spec.IoCluster}"),
            DeviceKind.Rom => AddressTarget.Mapped(address, DeviceKind.Rom, hit.SegmentOffset),
            DeviceKind.Ioc => CheckChannel(address, hit, "IOC channel", Spec.IocChannels, "channels"),
            DeviceKind.Tty => CheckChannel(address, hit, "TTY channel", Spec.TtyChannels, "channels"),
            DeviceKind.Fbf => CheckChannel(address, hit, "FB channel", Spec.FbChannels, "channels"),
            DeviceKind.Iopic => CheckChannel(address, hit, "IOPIC input", IopicInputCount, "inputs"),
            _ => AddressTarget.Unmapped(address, $"no segment at offset 0x{address.Offset:X8}"),
        };
    }

    public MachineAddress Ram(ClusterId cluster, uint offset) => new(cluster, offset);

    public MachineAddress XicuSlot(ClusterId cluster, int slot) => new(cluster, SegmentMap.XicuSlotOffset(slot));

    public MachineAddress Dma(ClusterId cluster) => new(cluster, SegmentMap.DmaBase);

    public MachineAddress Rom(uint romOffset) => new(Spec.IoCluster, SegmentMap.RomBase + romOffset);

    public MachineAddress IocChannel(int channel) => new(Spec.IoCluster, SegmentMap.IocChannelOffset(channel));

    public MachineAddress TtySubChannel(int channel, int subChannel) =>
        new(Spec.IoCluster, SegmentMap.TtySubChannelOffset(channel, subChannel));

    public MachineAddress FbChannel(int channel) => new(Spec.IoCluster, SegmentMap.FbfChannelOffset(channel));

    internal static string Name(DeviceKind kind) => kind switch
    {
        DeviceKind.Rom => "boot ROM",
        DeviceKind.Fbf => "frame buffer",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private static AddressTarget CheckChannel(MachineAddress address, SegmentHit hit, string what, int count, string unit) =>
        hit.Channel < count
            ? AddressTarget.Mapped(address, hit.Kind, hit.SegmentOffset, hit.Channel, hit.SubChannel)
            : AddressTarget.Unmapped(address, $"{what} {hit.Channel} does not exist ({count} {unit})");
}
