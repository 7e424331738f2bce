using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Translation;

/// <summary>
/// How an instance reaches its devices with its HAT on: instance cluster 255 (never a real
/// instance cluster: an instance has at most 255 clusters, numbered 0..254) is a window onto the
/// I/O cluster's device segments at their machine offsets. The HAT lets through only the
/// instance's own IOC channel, TTY channel (its 4 sub-channels) and FB channel, plus one mailbox of
/// the hypervisor cluster's XICU: the instance's Running slot. Everything else faults.
/// </summary>
public static class DeviceWindow
{
    public const int InstanceCluster = 0xFF;

    /// <summary>Most clusters an instance can have: every instance cluster number below the window.</summary>
    public const int MaxInstanceClusters = InstanceCluster;

    public static InstanceAddress At(uint offset) => new(InstanceCluster, offset);

    public static InstanceAddress IocChannel(int channel) => At(SegmentMap.IocChannelOffset(channel));

    public static InstanceAddress TtySubChannel(int channel, int subChannel) => At(SegmentMap.TtySubChannelOffset(channel, subChannel));

    public static InstanceAddress FbChannel(int channel) => At(SegmentMap.FbfChannelOffset(channel));

    /// <summary>The hypervisor-cluster XICU mailbox <paramref name="slot"/> as the instance addresses it.</summary>
    public static InstanceAddress HypervisorMailbox(int slot) => At(SegmentMap.XicuSlotOffset(slot));
}
