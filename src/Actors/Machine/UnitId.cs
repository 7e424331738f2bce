using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// Names one hardware unit in events and requests: its kind, its cluster, and its number where a
/// cluster has several (the core behind a core HAT, for instance).
/// </summary>
public readonly record struct UnitId(UnitKind Kind, ClusterId Cluster, int Index = 0)
{
    /// <summary>Requests that come from outside the machine.</summary>
    public static UnitId External { get; } = new(UnitKind.External, MachineSpec.HypervisorCluster);

    /// <summary>The machine as a whole.</summary>
    public static UnitId Machine { get; } = new(UnitKind.Machine, MachineSpec.HypervisorCluster);

    public static UnitId Core(CoreId core) => new(UnitKind.Core, core.Cluster, core.Index);

    public static UnitId CoreHat(CoreId core) => new(UnitKind.CoreHat, core.Cluster, core.Index);

    public static UnitId DmaHat(ClusterId cluster) => new(UnitKind.DmaHat, cluster);

    public static UnitId Memory(ClusterId cluster) => new(UnitKind.Memory, cluster);

    public static UnitId Xicu(ClusterId cluster) => new(UnitKind.Xicu, cluster);

    public static UnitId Dma(ClusterId cluster) => new(UnitKind.Dma, cluster);

    /// <summary>The core this unit is or belongs to (cores and core HATs only).</summary>
    public CoreId? CoreOf => Kind is UnitKind.Core or UnitKind.CoreHat ? new CoreId(Cluster, Index) : null;

    public override string ToString() => Kind switch
    {
        UnitKind.Core => $"core {new CoreId(Cluster, Index)}",
        UnitKind.CoreHat => $"HAT of core {new CoreId(Cluster, Index)}",
        UnitKind.DmaHat => $"DMA HAT {Cluster}",
        UnitKind.Memory => $"memory {Cluster}",
        UnitKind.External => "external",
        UnitKind.Machine => "machine",
        UnitKind.Rom or UnitKind.Ioc or UnitKind.Tty or UnitKind.Fbf or UnitKind.Iopic => Kind.ToString().ToUpperInvariant(),
        _ => $"{Kind.ToString().ToUpperInvariant()} {Cluster}",
    };
}
