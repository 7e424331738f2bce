using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// What the monitors know of the live instances, from the hypervisor's allocation events: who holds
/// which cluster and core. Each monitor keeps its own book, so monitors stay independent.
/// </summary>
internal sealed class InstanceBook
{
    private readonly SortedDictionary<int, Allocation> live = [];

    public IEnumerable<Allocation> Live => live.Values;

    public void Clear() => live.Clear();

    /// <summary>The live instances' allocations, by instance id.</summary>
    public ulong Digest() => StateDigests.Ordered(live, static entry => MessageDigest.Of(entry.Value));

    /// <summary>The events <see cref="Observe"/> follows.</summary>
    public static readonly Type[] Events = [typeof(ResourcesAllocated), typeof(ResourcesReleased)];

    /// <summary>Follows allocations and releases; true if <paramref name="published"/> was one.</summary>
    public bool Observe(object published)
    {
        switch (published)
        {
            case ResourcesAllocated allocated:
                live[allocated.InstanceId] = allocated.Allocation;
                return true;
            case ResourcesReleased released:
                live.Remove(released.InstanceId);
                return true;
            default:
                return false;
        }
    }

    public Allocation? Of(int instanceId) => live.GetValueOrDefault(instanceId);

    /// <summary>The live instance holding <paramref name="cluster"/> (the first by id if the pools double-booked it).</summary>
    public Allocation? Holding(ClusterId cluster) => live.Values.FirstOrDefault(allocation => allocation.Clusters.Contains(cluster));

    public Allocation? Holding(CoreId core) => Holding(core.Cluster);

    /// <summary>The instance whose boot core (P0 of its cluster 0) is <paramref name="core"/>.</summary>
    public Allocation? BootingOn(CoreId core) =>
        core.Index == 0 ? live.Values.FirstOrDefault(allocation => allocation.BootCluster == core.Cluster) : null;
}
