using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using Akka.Actor;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// Where every unit of one machine is: the actor behind each cluster's memory, XICU, DMA and HATs,
/// each core, and the I/O devices. Built once by the machine actor after every cluster reported its
/// units, then handed to every unit; immutable, so sharing it between actors shares no state.
/// </summary>
public sealed class MachineDirectory
{
    private readonly ClusterUnits?[] clusters = new ClusterUnits?[256];

    public MachineDirectory(MachineSpec spec, IActorRef machine, IEnumerable<ClusterUnits> units)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(units);
        Spec = spec.Validated();
        Map = new AddressMap(Spec);
        Layout = XicuLayout.For(Spec);
        MachineActor = machine;
        foreach (var cluster in units)
        {
            if (!Spec.Contains(cluster.Cluster) || clusters[cluster.Cluster.Index] is not null)
            {
                throw new ArgumentException($"cluster {cluster.Cluster} is outside the mesh or listed twice");
            }
            if (cluster.Cores.Count != Spec.CoresPerCluster || cluster.CoreHats.Count != Spec.CoresPerCluster)
            {
                throw new ArgumentException($"cluster {cluster.Cluster} lists {cluster.Cores.Count} cores, the spec has {Spec.CoresPerCluster}");
            }
            clusters[cluster.Cluster.Index] = cluster;
        }
        var missing = Spec.Clusters().Where(c => clusters[c.Index] is null).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"clusters {string.Join(" ", missing)} have no units");
        }
        Io = clusters[Spec.IoCluster.Index]!.Io ?? throw new ArgumentException($"the I/O cluster {Spec.IoCluster} has no I/O devices");
    }

    public MachineSpec Spec { get; }

    public AddressMap Map { get; }

    public XicuLayout Layout { get; }

    public IActorRef MachineActor { get; }

    public IoUnits Io { get; }

    public IActorRef Rom => Io.Rom;

    public IActorRef Ioc => Io.Ioc;

    public IActorRef Tty => Io.Tty;

    public IActorRef Fbf => Io.Fbf;

    public IActorRef Iopic => Io.Iopic;

    public ClusterUnits Cluster(ClusterId cluster) =>
        (Spec.Contains(cluster) ? clusters[cluster.Index] : null)
        ?? throw new ArgumentException($"cluster {cluster} is outside the {Spec.MeshX}x{Spec.MeshY} mesh");

    public IActorRef Memory(ClusterId cluster) => Cluster(cluster).Memory;

    public IActorRef Xicu(ClusterId cluster) => Cluster(cluster).Xicu;

    public IActorRef Dma(ClusterId cluster) => Cluster(cluster).Dma;

    public IActorRef DmaHat(ClusterId cluster) => Cluster(cluster).DmaHat;

    public IActorRef Core(CoreId core) => Cluster(core.Cluster).Cores[CheckCore(core)];

    public IActorRef CoreHat(CoreId core) => Cluster(core.Cluster).CoreHats[CheckCore(core)];

    /// <summary>Every core of the machine, cluster by cluster in index order.</summary>
    public IEnumerable<CoreId> Cores() =>
        Spec.Clusters().SelectMany(cluster => Enumerable.Range(0, Spec.CoresPerCluster).Select(index => new CoreId(cluster, index)));

    /// <summary>The WTI mailbox where a core's IPIs land, as a machine address (what a writer with its HAT off uses).</summary>
    public MachineAddress IpiMailbox(CoreId core) => Map.XicuSlot(core.Cluster, Layout.IpiSlot(CheckCore(core)));

    private int CheckCore(CoreId core) =>
        core.Index >= 0 && core.Index < Spec.CoresPerCluster
            ? core.Index
            : throw new ArgumentException($"core {core} does not exist ({Spec.CoresPerCluster} cores per cluster)");
}
