using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7, conservation: at every release (the end of every kill) every pool (clusters, IOC,
/// TTY and FB channels) has free plus owned equal to its total, every entry is owned by an instance
/// still live by this monitor's own book of allocations and releases, and nothing is owned by a
/// stopped instance; an instance is Stopped only once it has released. Judged on the pools the
/// hypervisor publishes with each release (<see cref="ResourcesReleased.Pools"/>), against the
/// monitor's book, so a release that forgets a channel, returns the wrong one or double-counts is
/// seen where it happens.
/// </summary>
public sealed class PoolsConservedMonitor(MachineSpec spec) : RunMonitor, IStateDigest
{
    private readonly SortedDictionary<int, Allocation> live = [];
    private readonly SortedSet<int> released = [];

    public override string Name => "pools-conserved";

    public override void OnRunStart()
    {
        live.Clear();
        released.Clear();
    }

    public ulong StateDigest() => StableHash.Add(StateDigests.Ordered(live, static entry => MessageDigest.Of(entry.Value)),
        StateDigests.Ordered(released, static id => (ulong)id));

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(ResourcesAllocated), typeof(ResourcesReleased), typeof(InstanceStateChanged)]);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case ResourcesAllocated allocated:
                live[allocated.InstanceId] = allocated.Allocation;
                released.Remove(allocated.InstanceId);
                break;
            case ResourcesReleased release:
                live.Remove(release.InstanceId);
                released.Add(release.InstanceId);
                Check(release);
                break;
            case InstanceStateChanged { State: InstanceState.Stopped } stopped when live.TryGetValue(stopped.InstanceId, out var held):
                Fail($"instance {stopped.InstanceId} is Stopped but never returned {held}");
                break;
        }
    }

    private void Check(ResourcesReleased release)
    {
        var pools = release.Pools;
        var after = $"after instance {release.InstanceId} released {release.Allocation}";
        var clusterTotal = spec.Clusters().Count() - 1;
        var ownedClusters = pools.Clusters.Count(entry => entry.Owner.Kind == OwnerKind.Instance);
        if (pools.FreeClusters + ownedClusters != clusterTotal)
        {
            Fail($"{after}: clusters {pools.FreeClusters} free + {ownedClusters} owned != {clusterTotal}");
        }
        foreach (var (cluster, owner) in pools.Clusters.Where(entry => entry.Owner.Kind == OwnerKind.Instance))
        {
            if (!live.TryGetValue(owner.InstanceId, out var holder) || !holder.Clusters.Contains(cluster))
            {
                Fail($"{after}: cluster {cluster} is owned by instance {owner.InstanceId}, which {Holds(owner.InstanceId, "it")}");
            }
        }
        foreach (var (cluster, holder) in live.Values.SelectMany(a => a.Clusters.Select(c => (c, a))))
        {
            var owner = pools.Clusters.FirstOrDefault(entry => entry.Cluster == cluster).Owner;
            if (owner != ClusterOwner.Instance(holder.InstanceId))
            {
                Fail($"{after}: cluster {cluster} of live instance {holder.InstanceId} is marked {owner}");
            }
        }
        Channels("IOC", pools.IocOwners, spec.IocChannels, static a => a.IocChannel, after);
        Channels("TTY", pools.TtyOwners, spec.TtyChannels, static a => a.TtyChannel, after);
        Channels("FB", pools.FbOwners, spec.FbChannels, static a => a.FbChannel, after);
    }

    private void Channels(string pool, IReadOnlyList<int?> owners, int total, Func<Allocation, int> channelOf, string after)
    {
        // Naming the entry says more than the count, so it comes first.
        for (var channel = 0; channel < owners.Count; channel++)
        {
            if (owners[channel] is { } owner && (!live.TryGetValue(owner, out var holder) || channelOf(holder) != channel))
            {
                Fail($"{after}: {pool} channel {channel} is owned by instance {owner}, which {Holds(owner, $"{pool} channel {channel}")}");
            }
        }
        foreach (var holder in live.Values.Where(holder => channelOf(holder) >= owners.Count || owners[channelOf(holder)] != holder.InstanceId))
        {
            Fail($"{after}: {pool} channel {channelOf(holder)} of live instance {holder.InstanceId} is not marked as its");
        }
        var free = owners.Count(owner => owner is null);
        var owned = owners.Count - free;
        if (owners.Count != total || free + owned != total || owned != live.Count)
        {
            Fail($"{after}: {pool} channels {free} free + {owned} owned of {owners.Count}, with {live.Count} live instances and {total} channels");
        }
    }

    private string Holds(int instanceId, string what) =>
        released.Contains(instanceId) ? "was stopped and released it" : live.ContainsKey(instanceId) ? $"was not given {what}" : "was never allocated";
}
