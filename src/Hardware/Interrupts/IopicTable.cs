using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Hardware.Interrupts;

/// <summary>
/// The IOPIC multiplexers: which XICU mailbox each device interrupt is written to. Only the IOC
/// and the TTY sub-channels interrupt through it. A source has at most one target and a target at
/// most one source, so two devices can never overwrite each other's mailbox.
/// </summary>
public sealed class IopicTable
{
    private readonly SortedDictionary<IrqSource, XicuTarget> routes = [];

    // Reverse index, used for lookups only (never iterated, so its order cannot leak).
    private readonly Dictionary<XicuTarget, IrqSource> sources = [];

    public IopicTable(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec.Validated();
    }

    public MachineSpec Spec { get; }

    public int Count => routes.Count;

    /// <summary>Every route, ordered by source.</summary>
    public ValueList<IopicRoute> Routes => routes.Select(route => new IopicRoute(route.Key, route.Value)).ToValueList();

    /// <summary>
    /// The routes an instance needs: its IOC channel and its TTY sub-channels to their slots in the
    /// XICU of its cluster 0 (see <see cref="XicuLayout"/>).
    /// </summary>
    public static ValueList<IopicRoute> InstanceRoutes(Allocation allocation, XicuLayout layout)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(layout);
        var boot = allocation.BootCluster;
        var result = new List<IopicRoute> { new(IrqSource.Ioc(allocation.IocChannel), new XicuTarget(boot, layout.IocSlot)) };
        for (var sub = 0; sub < SegmentMap.TtySubChannels; sub++)
        {
            result.Add(new IopicRoute(IrqSource.Tty(allocation.TtyChannel, sub), new XicuTarget(boot, layout.TtySlot(sub))));
        }
        return result.ToValueList();
    }

    public XicuTarget? Lookup(IrqSource source) => routes.TryGetValue(source, out var target) ? target : null;

    public IrqSource? SourceOf(XicuTarget target) => sources.TryGetValue(target, out var source) ? source : null;

    /// <summary>Routes <paramref name="source"/> to <paramref name="target"/>, or refuses and changes nothing.</summary>
    public Outcome Add(IrqSource source, XicuTarget target)
    {
        var problem = Check(source, target);
        if (problem is not null)
        {
            return Outcome.Refused(problem);
        }
        routes.Add(source, target);
        sources.Add(target, source);
        return Outcome.Success;
    }

    public Outcome Add(IopicRoute route) => Add(route.Source, route.Target);

    /// <summary>Adds every route, or none of them if one is refused.</summary>
    public Outcome AddAll(IEnumerable<IopicRoute> newRoutes)
    {
        ArgumentNullException.ThrowIfNull(newRoutes);
        var added = new List<IopicRoute>();
        foreach (var route in newRoutes)
        {
            var outcome = Add(route);
            if (!outcome.IsSuccess)
            {
                foreach (var undo in added)
                {
                    Remove(undo.Source);
                }
                return outcome;
            }
            added.Add(route);
        }
        return Outcome.Success;
    }

    public bool Remove(IrqSource source)
    {
        if (!routes.Remove(source, out var target))
        {
            return false;
        }
        sources.Remove(target);
        return true;
    }

    /// <summary>Removes every route from the instance's IOC channel and TTY sub-channels; returns how many.</summary>
    public int RemoveChannels(InstanceChannels channels)
    {
        var doomed = routes.Keys
            .Where(source => (source.Kind == DeviceKind.Ioc && source.Channel == channels.Ioc)
                || (source.Kind == DeviceKind.Tty && source.Channel == channels.Tty))
            .ToList();
        foreach (var source in doomed)
        {
            Remove(source);
        }
        return doomed.Count;
    }

    private string? Check(IrqSource source, XicuTarget target)
    {
        switch (source.Kind)
        {
            case DeviceKind.Ioc when source.Channel < 0 || source.Channel >= Spec.IocChannels:
                return $"IOC channel {source.Channel} does not exist ({Spec.IocChannels} channels)";
            case DeviceKind.Ioc when source.SubChannel != 0:
                return $"the IOC has no sub-channels, got {source}";
            case DeviceKind.Tty when source.Channel < 0 || source.Channel >= Spec.TtyChannels:
                return $"TTY channel {source.Channel} does not exist ({Spec.TtyChannels} channels)";
            case DeviceKind.Tty when source.SubChannel is < 0 or > 3:
                return $"TTY sub-channel must be between 0 and 3, got {source.SubChannel}";
            case DeviceKind.Ioc or DeviceKind.Tty:
                break;
            default:
                return $"only IOC and TTY interrupts go through the IOPIC, got {source.Kind.ToString().ToUpperInvariant()}";
        }
        if (!Spec.Contains(target.Cluster))
        {
            return $"target cluster {target.Cluster} is outside the {Spec.MeshX}x{Spec.MeshY} mesh";
        }
        if (target.Slot < 0 || target.Slot >= Spec.WtiSlots)
        {
            return $"target slot {target.Slot} does not exist ({Spec.WtiSlots} slots)";
        }
        if (routes.TryGetValue(source, out var existing))
        {
            return $"{source} is already routed to {existing}";
        }
        return sources.TryGetValue(target, out var occupant)
            ? $"{target} already receives {occupant}"
            : null;
    }
}
