using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// Builds an instance's arch-info from the machine and its allocation: each allocated cluster in
/// instance order with all its cores, RAM at offset 0 and its XICU and DMA; the I/O devices it owns
/// (IOC, 4 TTY sub-channels, FBF) at their device-window addresses; bootstrap cpu 0 (core 0 of
/// instance cluster 0), TTY sub-channel 0, and the DMA of instance cluster 0.
/// </summary>
public static class ArchInfoBuilder
{
    public const string Arch = "TSAR";

    public static ArchInfo Build(MachineSpec spec, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(allocation);
        var layout = XicuLayout.For(spec);
        var clusters = allocation.Clusters.Select((cluster, k) => new ArchInfoCluster(
            k,
            cluster,
            spec.CoresPerCluster,
            new InstanceAddress(k, SegmentMap.RamBase),
            spec.RamPerCluster,
            ValueList.Of(
                new ArchInfoDevice(DeviceKind.Xicu, new InstanceAddress(k, SegmentMap.XicuBase), (uint)spec.WtiSlots * SegmentMap.XicuSlotStride, null),
                new ArchInfoDevice(DeviceKind.Dma, new InstanceAddress(k, SegmentMap.DmaBase), SegmentMap.DmaSize, layout.DmaSlot))));

        var io = new List<ArchInfoDevice>
        {
            new(DeviceKind.Ioc, DeviceWindow.IocChannel(allocation.IocChannel), SegmentMap.IocChannelStride, layout.IocSlot),
        };
        for (var sub = 0; sub < SegmentMap.TtySubChannels; sub++)
        {
            io.Add(new ArchInfoDevice(DeviceKind.Tty, DeviceWindow.TtySubChannel(allocation.TtyChannel, sub), SegmentMap.TtySubChannelStride, layout.TtySlot(sub)));
        }
        io.Add(new ArchInfoDevice(DeviceKind.Fbf, DeviceWindow.FbChannel(allocation.FbChannel), SegmentMap.FbfChannelSize, null));

        return new ArchInfo(
            ArchInfo.AlmosSignature,
            ArchInfo.CurrentRevision,
            Arch,
            allocation.InstanceId,
            clusters.ToValueList(),
            io.ToValueList(),
            BootstrapCpu: 0,
            BootstrapTty: 0,
            BootstrapDma: 0,
            DeviceWindow.HypervisorMailbox(layout.RunningSlot(allocation.InstanceId)));
    }
}
