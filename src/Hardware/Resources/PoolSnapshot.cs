namespace ActorHyper.Hardware.Resources;

/// <summary>
/// A copy of the pools at one moment, for monitors, tests and the ownership map: every cluster's
/// owner, every channel's owner (null = free) and the live allocations by instance id.
/// </summary>
public sealed record PoolSnapshot(
    ValueList<ClusterOwnership> Clusters,
    ValueList<int?> IocOwners,
    ValueList<int?> TtyOwners,
    ValueList<int?> FbOwners,
    ValueList<Allocation> Allocations)
{
    public int FreeClusters => Clusters.Count(entry => entry.Owner.Kind == OwnerKind.Free);

    public int FreeIoc => IocOwners.Count(owner => owner is null);

    public int FreeTty => TtyOwners.Count(owner => owner is null);

    public int FreeFb => FbOwners.Count(owner => owner is null);

    public override string ToString() =>
        $"{FreeClusters} clusters, {FreeIoc} IOC, {FreeTty} TTY, {FreeFb} FB free; {Allocations.Count} instances";
}
