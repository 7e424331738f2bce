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
