using System.Diagnostics;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Resources;

/// <summary>
/// Every allocatable resource of the machine: clusters, IOC, TTY and FB channels. An allocation is
/// all or nothing: <see cref="TryAllocate"/> checks everything before taking anything, and
/// <see cref="Release"/> returns everything an allocation took.
/// </summary>
public sealed class ResourcePools
{
    private readonly SortedDictionary<int, Allocation> live = [];

    /// <summary>Set once the racy-allocation variant has taken without checking: the pools may then name two holders' later one, and conservation no longer holds by design.</summary>
    private bool seizedUnchecked;

    public ResourcePools(MachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec.Validated();
        Clusters = new ClusterPool(Spec);
        Ioc = new ChannelPool("IOC", Spec.IocChannels);
        Tty = new ChannelPool("TTY", Spec.TtyChannels);
        Fb = new ChannelPool("FB", Spec.FbChannels);
    }

    public MachineSpec Spec { get; }

    public ClusterPool Clusters { get; }

    public ChannelPool Ioc { get; }

    public ChannelPool Tty { get; }

    public ChannelPool Fb { get; }

    /// <summary>The live allocations, by instance id.</summary>
    public IReadOnlyList<Allocation> Allocations => live.Values.ToValueList();

    public Allocation? AllocationOf(int instanceId) => live.GetValueOrDefault(instanceId);

    /// <summary>
    /// Allocates <paramref name="clusterCount"/> clusters (compact placement), IOC channel
    /// <paramref name="instanceId"/>, the lowest TTY channel whose FB channel is also free, and that
    /// FB channel; or refuses with the first reason that applies, allocating nothing.
    /// </summary>
    public AllocationResult TryAllocate(int instanceId, int clusterCount)
    {
        var result = Plan(instanceId, clusterCount);
        if (result.Allocation is { } allocation)
        {
            Take(allocation);
        }
        return result;
    }

    /// <summary>What <see cref="TryAllocate"/> would grant now (or its refusal), taking nothing.</summary>
    public AllocationResult Plan(int instanceId, int clusterCount)
    {
        if (clusterCount < 1)
        {
            return AllocationResult.Refused($"cluster count must be at least 1, got {clusterCount}");
        }
        var freeClusters = Clusters.FreeCount;
        if (clusterCount > freeClusters)
        {
            return AllocationResult.Refused(
                $"cannot allocate {clusterCount} clusters: only {freeClusters} {(freeClusters == 1 ? "is" : "are")} free");
        }
        if (!Ioc.Contains(instanceId))
        {
            return AllocationResult.Refused(
                $"instance {instanceId} has no IOC channel: instances are numbered 0..{Ioc.Count - 1}");
        }
        if (!Ioc.IsFree(instanceId))
        {
            return AllocationResult.Refused($"instance {instanceId} is already in use (IOC channel {instanceId} is taken)");
        }
        if (LowestFreeTerminal() is not { } tty)
        {
            return AllocationResult.Refused("no TTY channel is free together with the FB channel of the same index");
        }
        var clusters = Clusters.ChooseCompact(clusterCount)
            ?? throw new InvalidOperationException($"compact placement found no {clusterCount} of {freeClusters} free clusters");

        return AllocationResult.Granted(new Allocation(instanceId, clusters, instanceId, tty, tty));
    }

    private void Take(Allocation allocation)
    {
        Clusters.Assign(allocation.Clusters, allocation.InstanceId);
        Ioc.Take(allocation.IocChannel, allocation.InstanceId);
        Tty.Take(allocation.TtyChannel, allocation.InstanceId);
        Fb.Take(allocation.FbChannel, allocation.InstanceId);
        live.Add(allocation.InstanceId, allocation);
        Debug.Assert(seizedUnchecked || ConservationProblem() is null, ConservationProblem());
    }

    /// <summary>
    /// The racy-allocation protocol variant's take (deliberately wrong): a <see cref="Plan"/> made
    /// earlier is taken as it is, without checking that its clusters and channels are still free;
    /// whatever another instance took meanwhile now has two holders, and the pools name the later one.
    /// </summary>
    public void TakeUnchecked(Allocation planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        Clusters.Seize(planned.Clusters, planned.InstanceId);
        Ioc.Seize(planned.IocChannel, planned.InstanceId);
        Tty.Seize(planned.TtyChannel, planned.InstanceId);
        Fb.Seize(planned.FbChannel, planned.InstanceId);
        live[planned.InstanceId] = planned;
        seizedUnchecked = true;
    }

    /// <summary>Returns every resource of <paramref name="allocation"/>; throws, changing nothing, if it is not live.</summary>
    public void Release(Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (!live.TryGetValue(allocation.InstanceId, out var held))
        {
            throw new InvalidOperationException($"instance {allocation.InstanceId} holds no allocation");
        }
        if (!held.Equals(allocation))
        {
            throw new InvalidOperationException($"cannot release {allocation}: it does not match what instance {allocation.InstanceId} holds ({held})");
        }
        Clusters.Release(allocation.Clusters, allocation.InstanceId);
        Ioc.Return(allocation.IocChannel, allocation.InstanceId);
        Tty.Return(allocation.TtyChannel, allocation.InstanceId);
        Fb.Return(allocation.FbChannel, allocation.InstanceId);
        live.Remove(allocation.InstanceId);
        Debug.Assert(seizedUnchecked || ConservationProblem() is null, ConservationProblem());
    }

    /// <summary>
    /// Null when every pool accounts for each of its entries once: free, or held by the live
    /// allocation that names it (clusters: besides the hypervisor's), so free plus owned equals the
    /// pool's total; otherwise the first entry that breaks it, in words.
    /// </summary>
    public string? ConservationProblem()
    {
        var clusterTotal = Spec.Clusters().Count() - 1;
        var ownedClusters = live.Values.Sum(allocation => allocation.Clusters.Count);
        if (Clusters.FreeCount + ownedClusters != clusterTotal)
        {
            return $"clusters: {Clusters.FreeCount} free + {ownedClusters} owned by live instances != {clusterTotal}";
        }
        foreach (var allocation in live.Values)
        {
            foreach (var cluster in allocation.Clusters)
            {
                if (Clusters.OwnerOf(cluster) != ClusterOwner.Instance(allocation.InstanceId))
                {
                    return $"cluster {cluster} of instance {allocation.InstanceId} is marked {Clusters.OwnerOf(cluster)}";
                }
            }
        }
        return ChannelProblem(Ioc, static allocation => allocation.IocChannel)
            ?? ChannelProblem(Tty, static allocation => allocation.TtyChannel)
            ?? ChannelProblem(Fb, static allocation => allocation.FbChannel);
    }

    private string? ChannelProblem(ChannelPool pool, Func<Allocation, int> channelOf)
    {
        if (pool.FreeCount + live.Count != pool.Count)
        {
            return $"{pool.Name}: {pool.FreeCount} free + {live.Count} owned by live instances != {pool.Count}";
        }
        foreach (var allocation in live.Values)
        {
            if (pool.OwnerOf(channelOf(allocation)) != allocation.InstanceId)
            {
                return $"{pool.Name} channel {channelOf(allocation)} of instance {allocation.InstanceId} is marked {pool.OwnerOf(channelOf(allocation))?.ToString() ?? "free"}";
            }
        }
        return null;
    }

    public PoolSnapshot Snapshot() =>
        new(Clusters.Ownership(), Ioc.Owners(), Tty.Owners(), Fb.Owners(), live.Values.ToValueList());

    /// <summary>The owner of <paramref name="cluster"/> (convenience for the ownership map).</summary>
    public ClusterOwner OwnerOf(ClusterId cluster) => Clusters.OwnerOf(cluster);

    private int? LowestFreeTerminal()
    {
        for (var channel = 0; channel < Math.Min(Tty.Count, Fb.Count); channel++)
        {
            if (Tty.IsFree(channel) && Fb.IsFree(channel))
            {
                return channel;
            }
        }
        return null;
    }
}
