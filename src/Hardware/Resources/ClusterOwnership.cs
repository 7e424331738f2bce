using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Resources;

/// <summary>One line of the ownership map: a cluster and who holds it.</summary>
public readonly record struct ClusterOwnership(ClusterId Cluster, ClusterOwner Owner)
{
    public override string ToString() => $"{Cluster} {Owner}";
}
