using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Hardware.Translation;

/// <summary>
/// What the hypervisor loads into a HAT: the instance's cluster table (instance cluster k is
/// machine cluster Clusters[k]) and what its device window may reach: its channels in the I/O
/// cluster and its Running mailbox in the hypervisor cluster's XICU.
/// </summary>
public sealed record HatConfiguration
{
    public HatConfiguration(
        int instanceId,
        ValueList<ClusterId> clusters,
        InstanceChannels channels,
        ClusterId ioCluster,
        ClusterId hypervisorCluster,
        int runningSlot)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Count is < 1 or > DeviceWindow.MaxInstanceClusters)
        {
            throw new ArgumentException(
                $"a HAT table maps between 1 and {DeviceWindow.MaxInstanceClusters} clusters, got {clusters.Count}");
        }
        if (clusters.Distinct().Count() != clusters.Count)
        {
            throw new ArgumentException($"a HAT table maps each machine cluster once, got {clusters}");
        }
        if (clusters.Contains(hypervisorCluster))
        {
            throw new ArgumentException($"a HAT table must not map the hypervisor cluster {hypervisorCluster}");
        }
        InstanceId = instanceId;
        Clusters = clusters;
        Channels = channels;
        IoCluster = ioCluster;
        HypervisorCluster = hypervisorCluster;
        RunningSlot = runningSlot;
    }

    public int InstanceId { get; }

    public ValueList<ClusterId> Clusters { get; }

    public InstanceChannels Channels { get; }

    public ClusterId IoCluster { get; }

    public ClusterId HypervisorCluster { get; }

    /// <summary>The one hypervisor-XICU slot the device window reaches (see <see cref="XicuLayout"/>).</summary>
    public int RunningSlot { get; }

    /// <summary>The configuration for every HAT (core and DMA) of an allocated instance.</summary>
    public static HatConfiguration For(MachineSpec spec, Allocation allocation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(allocation);
        return new HatConfiguration(
            allocation.InstanceId,
            allocation.Clusters,
            allocation.Channels,
            spec.IoCluster,
            MachineSpec.HypervisorCluster,
            XicuLayout.For(spec).RunningSlot(allocation.InstanceId));
    }

    public override string ToString() =>
        $"instance {InstanceId}: {string.Join(" ", Clusters.Select((cluster, k) => $"k{k}->{cluster}"))}, {Channels}, Running slot {RunningSlot}";
}
