using System.Globalization;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using Akka.Actor;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// One cluster: parents its memory controller, XICU, DMA engine and HAT, cores and their HATs, and
/// in the I/O cluster the ROM and the devices. Creates them in a fixed order (so actor ids, and with
/// them controlled traces, do not depend on anything but the schedule), reports them to the machine,
/// and passes the machine's wiring and power-on down.
/// </summary>
public sealed class ClusterActor : ReceiveActor
{
    private readonly MachineSpec spec;
    private readonly ClusterId cluster;
    private readonly MachineOptions options;
    private ClusterUnits? units;

    public ClusterActor(MachineSpec spec, ClusterId cluster, MachineOptions options)
    {
        this.spec = spec;
        this.cluster = cluster;
        this.options = options;
        Receive<WireUnit>(wire =>
        {
            // In creation order, not Akka's order of children (a dictionary's): the run must not depend on it.
            foreach (var child in units!.All())
            {
                child.Tell(wire, Self);
            }
        });
        Receive<PowerOn>(powerOn =>
        {
            foreach (var core in units!.Cores)
            {
                core.Tell(powerOn, Self);
            }
        });
    }

    public static Props Props(MachineSpec spec, ClusterId cluster, MachineOptions options) =>
        ProducedProps.Of(() => new ClusterActor(spec, cluster, options));

    /// <summary>The actor name of a cluster, e.g. <c>c-1-2</c>.</summary>
    public static string Name(ClusterId cluster) =>
        string.Create(CultureInfo.InvariantCulture, $"c-{cluster.X}-{cluster.Y}");

    protected override SupervisorStrategy SupervisorStrategy() => HardwareSupervision.Strategy;

    protected override void PreStart()
    {
        var memory = Context.ActorOf(MemoryControllerActor.Props(spec, cluster), "memory");
        var xicu = Context.ActorOf(XicuActor.Props(spec, cluster, options.Variant), "xicu");
        var dmaHat = Context.ActorOf(HatActor.Props(UnitId.DmaHat(cluster)), "dma-hat");
        var dma = Context.ActorOf(DmaActor.Props(cluster), "dma");
        var cores = Enumerable.Range(0, spec.CoresPerCluster).Select(index => new CoreId(cluster, index)).ToList();
        var hats = cores.Select(core => Context.ActorOf(HatActor.Props(UnitId.CoreHat(core)), Numbered("hat", core.Index))).ToValueList();
        var coreRefs = cores.Select(core => Context.ActorOf(CoreActor.Props(core, options.Programs), Numbered("core", core.Index))).ToValueList();
        IoUnits? io = null;
        if (cluster == spec.IoCluster)
        {
            io = new IoUnits(
                Context.ActorOf(RomActor.Props(spec), "rom"),
                Context.ActorOf(IocActor.Props(spec, options.Disks), "ioc"),
                Context.ActorOf(TtyActor.Props(spec), "tty"),
                Context.ActorOf(FbfActor.Props(spec), "fbf"),
                Context.ActorOf(IopicActor.Props(spec), "iopic"));
        }
        units = new ClusterUnits(cluster, Self, memory, xicu, dma, dmaHat, coreRefs, hats, io);
        Context.Parent.Tell(new ClusterBuilt(units), Self);
    }

    private static string Numbered(string kind, int index) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{index}");
}
