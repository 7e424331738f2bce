using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Resources;

/// <summary>
/// Everything one instance holds: its clusters in instance order (Clusters[k] is the machine
/// cluster behind instance cluster k) and its IOC, TTY and FB channels.
/// </summary>
public sealed record Allocation(int InstanceId, ValueList<ClusterId> Clusters, int IocChannel, int TtyChannel, int FbChannel)
{
    public InstanceChannels Channels => new(IocChannel, TtyChannel, FbChannel);

    public int ClusterCount => Clusters.Count;

    /// <summary>The machine cluster behind instance cluster 0, where the boot core lives.</summary>
    public ClusterId BootCluster => Clusters[0];

    /// <summary>k such that Clusters[k] is <paramref name="cluster"/>, or null if the instance does not hold it.</summary>
    public int? InstanceClusterOf(ClusterId cluster)
    {
        for (var k = 0; k < Clusters.Count; k++)
        {
            if (Clusters[k] == cluster)
            {
                return k;
            }
        }
        return null;
    }

    /// <summary>
    /// The machine address behind an address in one of the instance's clusters: how the hypervisor,
    /// whose HAT is off, reaches the places the instance defines (arch-info, boot loader).
    /// </summary>
    public MachineAddress MachineAddressOf(InstanceAddress address)
    {
        if (address.InstanceCluster >= Clusters.Count)
        {
            throw new ArgumentException(
                $"instance cluster {address.InstanceCluster} is outside instance {InstanceId} ({Clusters.Count} cluster{(Clusters.Count == 1 ? "" : "s")})");
        }
        return new MachineAddress(Clusters[address.InstanceCluster], address.Offset);
    }

    public override string ToString() =>
        $"instance {InstanceId}: clusters {string.Join(" ", Clusters)}, {Channels}";
}
