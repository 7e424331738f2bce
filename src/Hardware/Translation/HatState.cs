using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Translation;

/// <summary>
/// One HAT (a core's, or a DMA's). Off and Configured pass addresses through as machine addresses;
/// Active reads them as instance addresses: instance cluster k &lt; N goes to machine cluster
/// Clusters[k] at the same offset, instance cluster 255 is the <see cref="DeviceWindow"/>, and
/// anything else is a translation fault. Misuse (activating unconfigured, reconfiguring while
/// active) is refused, leaving the HAT as it was.
/// </summary>
public sealed class HatState
{
    public HatMode Mode { get; private set; }

    public HatConfiguration? Configuration { get; private set; }

    public Outcome Configure(HatConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Mode == HatMode.Active)
        {
            return Outcome.Refused($"the HAT is active for instance {Configuration!.InstanceId}: reset it before configuring it again");
        }
        Configuration = configuration;
        Mode = HatMode.Configured;
        return Outcome.Success;
    }

    public Outcome Activate()
    {
        switch (Mode)
        {
            case HatMode.Off:
                return Outcome.Refused("the HAT was activated before it was configured");
            case HatMode.Active:
                return Outcome.Refused($"the HAT is already active for instance {Configuration!.InstanceId}");
            default:
                Mode = HatMode.Active;
                return Outcome.Success;
        }
    }

    /// <summary>Back to Off: identity translation, no table.</summary>
    public void Reset()
    {
        Mode = HatMode.Off;
        Configuration = null;
    }

    /// <summary>Translates a raw address as issued by the core or DMA behind this HAT.</summary>
    public TranslationResult Translate(ulong raw)
    {
        if (Mode != HatMode.Active)
        {
            return raw > MachineAddress.MaxRaw
                ? Fault(new TaggedAddress(AddressSpace.Machine, raw), $"address 0x{raw:X} is wider than 40 bits")
                : TranslationResult.To(MachineAddress.FromRaw(raw));
        }
        if (raw > InstanceAddress.MaxRaw)
        {
            return Fault(new TaggedAddress(AddressSpace.Instance, raw), $"address 0x{raw:X} is wider than 40 bits");
        }
        var config = Configuration!;
        var address = InstanceAddress.FromRaw(raw);
        if (address.InstanceCluster == DeviceWindow.InstanceCluster)
        {
            return TranslateWindow(config, address);
        }
        var count = config.Clusters.Count;
        if (address.InstanceCluster >= count)
        {
            return Fault(address, $"instance cluster {address.InstanceCluster} is outside the instance ({count} cluster{(count == 1 ? "" : "s")})");
        }
        if (SegmentMap.Locate(address.Offset) is { Kind: not (DeviceKind.Xicu or DeviceKind.Dma) } hit)
        {
            // The I/O segments are reached only through the window, even if the instance holds the I/O cluster.
            return Fault(address,
                $"offset 0x{address.Offset:X8} is the {AddressMap.Name(hit.Kind)} segment, reachable only through the device window (instance cluster {DeviceWindow.InstanceCluster})");
        }
        return TranslationResult.To(new MachineAddress(config.Clusters[address.InstanceCluster], address.Offset));
    }

    /// <summary>Translates the raw bits of <paramref name="address"/>: the mode, not the type, decides how they are read.</summary>
    public TranslationResult Translate(InstanceAddress address) => Translate(address.Raw);

    /// <summary>Translates the raw bits of <paramref name="address"/>: the mode, not the type, decides how they are read.</summary>
    public TranslationResult Translate(MachineAddress address) => Translate(address.Raw);

    public override string ToString() => Mode switch
    {
        HatMode.Off => "off",
        _ => $"{Mode.ToString().ToLowerInvariant()}: {Configuration}",
    };

    private static TranslationResult TranslateWindow(HatConfiguration config, InstanceAddress address)
    {
        var channels = config.Channels;
        var offset = address.Offset;
        return SegmentMap.Locate(offset) switch
        {
            null => Fault(address, $"offset 0x{offset:X8} of the device window holds no device"),
            { Kind: DeviceKind.Ioc, Channel: var c } when c == channels.Ioc => Io(config, offset),
            { Kind: DeviceKind.Ioc, Channel: var c } => Foreign(address, "IOC", c, channels.Ioc),
            { Kind: DeviceKind.Tty, Channel: var c } when c == channels.Tty => Io(config, offset),
            { Kind: DeviceKind.Tty, Channel: var c } => Foreign(address, "TTY", c, channels.Tty),
            { Kind: DeviceKind.Fbf, Channel: var c } when c == channels.Fb => Io(config, offset),
            { Kind: DeviceKind.Fbf, Channel: var c } => Foreign(address, "FB", c, channels.Fb),
            { Kind: DeviceKind.Xicu, Channel: var slot } when slot == config.RunningSlot =>
                TranslationResult.To(new MachineAddress(config.HypervisorCluster, offset)),
            { Kind: DeviceKind.Xicu, Channel: var slot } => Fault(address,
                $"XICU slot {slot} of the hypervisor cluster is not this instance's Running mailbox (slot {config.RunningSlot})"),
            { Kind: var kind } => Fault(address, $"the {AddressMap.Name(kind)} is not in the instance's device window"),
        };
    }

    private static TranslationResult Io(HatConfiguration config, uint offset) =>
        TranslationResult.To(new MachineAddress(config.IoCluster, offset));

    private static TranslationResult Foreign(InstanceAddress address, string device, int channel, int own) =>
        Fault(address, $"{device} channel {channel} belongs to another instance (this instance has {device} channel {own})");

    private static TranslationResult Fault(TaggedAddress address, string reason) =>
        TranslationResult.Faulted(new Fault(address, reason));
}
