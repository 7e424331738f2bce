namespace ActorHyper.Hardware.Interrupts;

/// <summary>
/// Which WTI slot means what, in every cluster's XICU (C = cores per cluster):
/// <list type="bullet">
/// <item>slots 0..C-1: the IPI mailbox of core p is slot p, enabled into line p;</item>
/// <item>slot C: the IOC channel's completion; C+1..C+4: TTY sub-channels 0..3; C+5: the cluster's
/// DMA completion. The IOPIC routes an instance's IOC and TTY interrupts to these slots of the
/// instance's cluster 0, enabled into line 0 (its boot core);</item>
/// <item>from C+6, in the hypervisor cluster only: the Running mailbox of instance I is slot C+6+I.
/// The guest's boot core writes its instance id there once every core idles in a shuttle; it is the
/// one hypervisor-cluster address an active HAT lets through (see the HAT's device window). The
/// hypervisor enables these slots into line 0 (P0 C_0) and reads them to mark instances Running.</item>
/// </list>
/// </summary>
public sealed record XicuLayout
{
    /// <summary>IOC, 4 TTY sub-channels, DMA.</summary>
    public const int DeviceSlotCount = 6;

    public XicuLayout(int coresPerCluster, int iocChannels)
    {
        if (coresPerCluster < 1)
        {
            throw new ArgumentException($"cores per cluster must be at least 1, got {coresPerCluster}");
        }
        if (iocChannels < 1)
        {
            throw new ArgumentException($"IOC channels must be at least 1, got {iocChannels}");
        }
        CoresPerCluster = coresPerCluster;
        IocChannels = iocChannels;
    }

    public int CoresPerCluster { get; }

    /// <summary>One Running slot per possible instance id.</summary>
    public int IocChannels { get; }

    public int IocSlot => CoresPerCluster;

    public int DmaSlot => CoresPerCluster + 5;

    public int FirstRunningSlot => CoresPerCluster + DeviceSlotCount;

    /// <summary>Slots an XICU needs for this layout.</summary>
    public int RequiredSlotCount => RequiredSlots(CoresPerCluster, IocChannels);

    public static int RequiredSlots(int coresPerCluster, int iocChannels) => coresPerCluster + DeviceSlotCount + iocChannels;

    public static XicuLayout For(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new XicuLayout(spec.CoresPerCluster, spec.IocChannels);
    }

    public int IpiSlot(int core)
    {
        if (core < 0 || core >= CoresPerCluster)
        {
            throw new ArgumentException($"core must be between 0 and {CoresPerCluster - 1}, got {core}");
        }
        return core;
    }

    /// <summary>Where an instance's code (HAT on) sends an IPI to core <paramref name="core"/> of its cluster <paramref name="instanceCluster"/>.</summary>
    public Addressing.InstanceAddress IpiMailboxInInstance(int instanceCluster, int core) =>
        new(instanceCluster, Addressing.SegmentMap.XicuSlotOffset(IpiSlot(core)));

    public int TtySlot(int subChannel)
    {
        if (subChannel is < 0 or > 3)
        {
            throw new ArgumentException($"TTY sub-channel must be between 0 and 3, got {subChannel}");
        }
        return CoresPerCluster + 1 + subChannel;
    }

    public int RunningSlot(int instanceId)
    {
        if (instanceId < 0 || instanceId >= IocChannels)
        {
            throw new ArgumentException($"instance must be between 0 and {IocChannels - 1}, got {instanceId}");
        }
        return FirstRunningSlot + instanceId;
    }

    /// <summary>Enables each core's IPI slot into its own line: the power-on convention.</summary>
    public void EnableIpis(XicuState xicu)
    {
        ArgumentNullException.ThrowIfNull(xicu);
        for (var core = 0; core < Math.Min(CoresPerCluster, xicu.LineCount); core++)
        {
            xicu.Enable(core, IpiSlot(core));
        }
    }

    /// <summary>What a slot is for, for traces and displays.</summary>
    public string Describe(int slot) => slot switch
    {
        < 0 => $"slot {slot} (invalid)",
        _ when slot < CoresPerCluster => $"IPI of core {slot}",
        _ when slot == IocSlot => "IOC completion",
        _ when slot < DmaSlot => $"TTY sub-channel {slot - IocSlot - 1}",
        _ when slot == DmaSlot => "DMA completion",
        _ when slot < FirstRunningSlot + IocChannels => $"Running of instance {slot - FirstRunningSlot}",
        _ => $"slot {slot} (unassigned)",
    };
}
