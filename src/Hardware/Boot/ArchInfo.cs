using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// The boot information block the hypervisor builds for an instance, modelled on ALMOS's arch BIB
/// (signature, revision, clusters with cores and devices, bootstrap cpu/tty/dma). Every address is
/// instance-physical. Also carries the instance's Running mailbox, where its boot core reports that
/// the guest is up. Sits in memory at <see cref="BootLayout.ArchInfo"/>.
/// </summary>
public sealed record ArchInfo(
    string Signature,
    int Revision,
    string Arch,
    int InstanceId,
    ValueList<ArchInfoCluster> Clusters,
    ValueList<ArchInfoDevice> IoDevices,
    int BootstrapCpu,
    int BootstrapTty,
    int BootstrapDma,
    InstanceAddress RunningMailbox) : IMemoryData
{
    /// <summary>ALMOS's BIB signature.</summary>
    public const string AlmosSignature = "@ALMOS ARCH BIB";

    public const int CurrentRevision = 1;

    public string DataName => "arch-info";

    public int CpuCount => Clusters.Sum(cluster => cluster.Cores);

    /// <summary>Cluster devices in cluster order, then the I/O devices.</summary>
    public IEnumerable<ArchInfoDevice> AllDevices => Clusters.SelectMany(cluster => cluster.Devices).Concat(IoDevices);

    public override string ToString() =>
        $"arch-info of instance {InstanceId}: {Clusters.Count} clusters, {CpuCount} cpus, {IoDevices.Count} I/O devices";
}
