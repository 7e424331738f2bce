using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Resources;

/// <summary>
/// Who holds each cluster of the mesh. The hypervisor cluster is held by the hypervisor for good;
/// the others are free or held by one instance. Changed only through <see cref="ResourcePools"/>.
/// </summary>
public sealed class ClusterPool
{
    private readonly ClusterOwner[] owners = new ClusterOwner[256];

    public ClusterPool(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec.Validated();
        foreach (var cluster in Spec.Clusters())
        {
            owners[cluster.Index] = cluster == MachineSpec.HypervisorCluster ? ClusterOwner.Hypervisor : ClusterOwner.Free;
        }
    }

    public MachineSpec Spec { get; }

    public int FreeCount => Spec.Clusters().Count(IsFree);

    public bool IsFree(ClusterId cluster) => OwnerOf(cluster).Kind == OwnerKind.Free;

    public ClusterOwner OwnerOf(ClusterId cluster)
    {
        if (!Spec.Contains(cluster))
        {
            throw new ArgumentException($"cluster {cluster} is outside the {Spec.MeshX}x{Spec.MeshY} mesh");
        }
        return owners[cluster.Index];
    }

    /// <summary>Every cluster with its owner, in index order.</summary>
    public ValueList<ClusterOwnership> Ownership() =>
        Spec.Clusters().Select(cluster => new ClusterOwnership(cluster, owners[cluster.Index])).ToValueList();

    /// <summary>The compact choice of <paramref name="count"/> free clusters (see <see cref="CompactPlacement"/>), or null.</summary>
    public ValueList<ClusterId>? ChooseCompact(int count) => CompactPlacement.Choose(Spec, IsFree, count);

    // Both check every cluster before changing any, so a bad call changes nothing.
    internal void Assign(IReadOnlyList<ClusterId> clusters, int instanceId)
    {
        foreach (var cluster in clusters)
        {
            if (!IsFree(cluster))
            {
                throw new InvalidOperationException($"cluster {cluster} is not free (owner: {OwnerOf(cluster)})");
            }
        }
        foreach (var cluster in clusters)
        {
            owners[cluster.Index] = ClusterOwner.Instance(instanceId);
        }
    }

    /// <summary>Assigns without checking (the racy-allocation variant only).</summary>
    internal void Seize(IReadOnlyList<ClusterId> clusters, int instanceId)
    {
        foreach (var cluster in clusters)
        {
            owners[cluster.Index] = ClusterOwner.Instance(instanceId);
        }
    }

    internal void Release(IReadOnlyList<ClusterId> clusters, int instanceId)
    {
        var owner = ClusterOwner.Instance(instanceId);
        foreach (var cluster in clusters)
        {
            if (OwnerOf(cluster) != owner)
            {
                throw new InvalidOperationException($"cluster {cluster} is not held by instance {instanceId} (owner: {OwnerOf(cluster)})");
            }
        }
        foreach (var cluster in clusters)
        {
            owners[cluster.Index] = ClusterOwner.Free;
        }
    }
}
