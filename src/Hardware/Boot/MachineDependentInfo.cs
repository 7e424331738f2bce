namespace ActorHyper.Hardware.Boot;

/// <summary>
/// What the Off++ node reads as <c>n_mdep</c> in <c>srvstart</c>, derived from the arch-info: memory
/// banks (one per cluster, <c>get_minfo</c>), I/O banks (one per device, <c>get_ioinfo</c>),
/// processors (one per core, boot processor first, <c>get_procinfo</c>) and DMAs (one per cluster,
/// <c>get_dmainfo</c>). List index = the index Off++ passes.
/// </summary>
public sealed record MachineDependentInfo(
    ValueList<MemoryBankInfo> MemoryBanks,
    ValueList<IoBankInfo> IoBanks,
    ValueList<ProcessorInfo> Processors,
    ValueList<DmaInfo> Dmas)
{
    public static MachineDependentInfo From(ArchInfo archInfo)
    {
        ArgumentNullException.ThrowIfNull(archInfo);
        var banks = archInfo.Clusters
            .Select((cluster, i) => new MemoryBankInfo(i, cluster.InstanceCluster, cluster.RamBase, cluster.RamSize));
        var ioBanks = archInfo.AllDevices
            .Where(device => device.Kind is not (DeviceKind.Dma or DeviceKind.Ram))
            .Select((device, i) => new IoBankInfo(i, device.Kind, device.Base, device.Size, device.Irq));
        var processors = archInfo.Clusters
            .SelectMany((cluster, i) => Enumerable.Range(0, cluster.Cores).Select(local => ProcessorOf(archInfo, i, local)));
        var dmas = archInfo.Clusters
            .SelectMany(cluster => cluster.Devices.Where(device => device.Kind == DeviceKind.Dma)
                .Select(device => (cluster.InstanceCluster, Device: device)))
            .Select((dma, i) => new DmaInfo(i, dma.InstanceCluster, dma.Device.Base, dma.Device.Irq));
        return new MachineDependentInfo(banks.ToValueList(), ioBanks.ToValueList(), processors.ToValueList(), dmas.ToValueList());
    }

    /// <summary>
    /// The processor that is core <paramref name="local"/> of the arch-info's cluster at
    /// <paramref name="clusterIndex"/>, as <see cref="From"/> lists it, without building the rest:
    /// every core of an instance asks for its own at each boot.
    /// </summary>
    public static ProcessorInfo ProcessorOf(ArchInfo archInfo, int clusterIndex, int local)
    {
        ArgumentNullException.ThrowIfNull(archInfo);
        ArgumentOutOfRangeException.ThrowIfNegative(clusterIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(clusterIndex, archInfo.Clusters.Count);
        var cluster = archInfo.Clusters[clusterIndex];
        ArgumentOutOfRangeException.ThrowIfNegative(local);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(local, cluster.Cores);
        var index = local;
        for (var i = 0; i < clusterIndex; i++)
        {
            index += archInfo.Clusters[i].Cores;
        }

        return new ProcessorInfo(index, cluster.InstanceCluster, local, index == archInfo.BootstrapCpu);
    }
}
