using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Machine;

/// <summary>A processor core: its cluster and its number inside the cluster (P0..P3).</summary>
public readonly record struct CoreId(ClusterId Cluster, int Index)
{
    /// <summary>P0 of the hypervisor cluster: the core that stays in the hypervisor (the shell).</summary>
    public static CoreId MachineBootCore { get; } = new(MachineSpec.HypervisorCluster, 0);

    public bool IsMachineBootCore => this == MachineBootCore;

    /// <summary>A dense number for arrays: the cluster index times the largest core count, plus the core.</summary>
    public int Slot => (Cluster.Index * MachineSpec.MaxCoresPerCluster) + Index;

    /// <summary>E.g. <c>P2 (1,0)</c>.</summary>
    public override string ToString() => $"P{Index} {Cluster}";
}
