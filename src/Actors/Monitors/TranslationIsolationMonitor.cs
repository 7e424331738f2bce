using System.Globalization;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: after activation every translation of a core's or a DMA's HAT lands in its
/// instance's clusters, its own device channels or its Running slot, never elsewhere in the
/// hypervisor cluster. Checked at the delivery of every translation a HAT answers (the sender's path
/// names the HAT: <c>…/c-x-y/hat-n</c> or <c>…/c-x-y/dma-hat</c>), against the table the HAT was
/// activated with, as its events told it; a fault is the HAT doing its job and is not checked.
/// </summary>
public sealed class TranslationIsolationMonitor : RunMonitor, IStateDigest
{
    private readonly HatBook hats = new();

    public override string Name => "translation-isolation";

    /// <summary>The HATs' tables (the paths read as HATs are a cache, not state).</summary>
    public ulong StateDigest() => hats.Digest();

    public override void OnRunStart() => hats.Clear();

    public override bool WantsEvent(Type eventType) => EventInterest.Any(eventType, HatBook.Events);

    public override void OnEvent(object published) => hats.Observe(published);

    public override bool WantsDelivery(Type messageType) => messageType == typeof(Translated);

    public override void OnDelivery(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Message is not Translated { Result.IsFault: false } translated || translated.Issued.Space != AddressSpace.Instance ||
            HatOfCached(delivery.Sender) is not { } hat)
        {
            return;
        }
        var landed = translated.Result.Address;
        if (hats.ActiveTable(hat) is not { } table)
        {
            Fail($"the {hat} translated instance address 0x{translated.Issued.Raw:X10} to {landed} while it was not active");
            return;
        }
        if (!Allowed(table, landed))
        {
            Fail($"the {hat} of instance {table.InstanceId} translated 0x{translated.Issued.Raw:X10} to {landed}: " +
                 $"outside the instance's clusters ({string.Join(" ", table.Clusters)}), its channels ({table.Channels}) and its Running slot {table.RunningSlot}");
        }
    }

    /// <summary>The instance's clusters, its IOC/TTY/FB channels in the I/O cluster, its Running mailbox in the hypervisor cluster.</summary>
    public static bool Allowed(HatConfiguration table, MachineAddress landed)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Clusters.Contains(landed.Cluster))
        {
            return true;
        }
        var hit = SegmentMap.Locate(landed.Offset);
        if (landed.Cluster == table.IoCluster && hit is { } device)
        {
            var own = device.Kind switch
            {
                DeviceKind.Ioc => table.Channels.Ioc,
                DeviceKind.Tty => table.Channels.Tty,
                DeviceKind.Fbf => table.Channels.Fb,
                _ => -1,
            };
            if (own >= 0 && device.Channel == own)
            {
                return true;
            }
        }
        return landed.Cluster == table.HypervisorCluster && hit is { Kind: DeviceKind.Xicu } slot && slot.Channel == table.RunningSlot;
    }

    /// <summary>The HAT a path names, or null for any other actor.</summary>
    /// <summary>Senders' paths read as HAT units, once per path: the monitor sees every translation of every run.</summary>
    private readonly Dictionary<string, UnitId?> hatsByPath = new(StringComparer.Ordinal);

    private UnitId? HatOfCached(string path)
    {
        if (!hatsByPath.TryGetValue(path, out var hat))
        {
            hat = HatOf(path);
            hatsByPath.Add(path, hat);
        }
        return hat;
    }

    internal static UnitId? HatOf(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 2)
        {
            return null;
        }
        var name = parts[^1];
        var cluster = parts[^2].Split('-');
        if (cluster.Length != 3 || cluster[0] != "c" ||
            !int.TryParse(cluster[1], NumberStyles.None, CultureInfo.InvariantCulture, out var x) ||
            !int.TryParse(cluster[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }
        var id = new ClusterId(x, y);
        if (name == "dma-hat")
        {
            return UnitId.DmaHat(id);
        }
        return name.StartsWith("hat-", StringComparison.Ordinal) &&
               int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var core)
            ? UnitId.CoreHat(new CoreId(id, core))
            : null;
    }
}
