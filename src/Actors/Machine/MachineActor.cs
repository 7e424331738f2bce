using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using Akka.Actor;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// The machine: one child per cluster (in index order). Once every cluster has reported its units
/// it builds the <see cref="MachineDirectory"/>, wires every unit with it and (unless told to wait)
/// powers the cores on. It keeps the status board the cores report to, and tells whoever asked when
/// the machine has started (or failed to), from those reports.
/// </summary>
public sealed class MachineActor : ReceiveActor, IWithUnboundedStash
{
    private readonly MachineSpec spec;
    private readonly MachineOptions options;
    private readonly List<ClusterUnits> built = [];
    private MachineStatusBoard board;
    private readonly List<IActorRef> waiting = [];
    private readonly List<IActorRef> watchers = [];
    private MachineDirectory? directory;
    private MachineStartResult? result;
    private bool poweredOn;

    public MachineActor(MachineSpec spec, MachineOptions options)
    {
        this.spec = spec.Validated();
        this.options = options;
        board = new MachineStatusBoard(this.spec);
        Receive<ClusterBuilt>(OnClusterBuilt);
        ReceiveAny(_ => Stash.Stash());
    }

    /// <summary>What the machine keeps aside until it is assembled (set by Akka).</summary>
    public IStash Stash { get; set; } = null!;

    public static Props Props(MachineSpec spec, MachineOptions? options = null) =>
        ProducedProps.Of(() => new MachineActor(spec, options ?? MachineOptions.Default));

    protected override SupervisorStrategy SupervisorStrategy() => HardwareSupervision.Strategy;

    protected override void PreStart()
    {
        foreach (var cluster in spec.Clusters())
        {
            Context.ActorOf(ClusterActor.Props(spec, cluster, options), ClusterActor.Name(cluster));
        }
    }

    private void OnClusterBuilt(ClusterBuilt cluster)
    {
        built.Add(cluster.Units);
        if (built.Count < spec.ClusterCount)
        {
            return;
        }
        directory = new MachineDirectory(spec, Self, built.OrderBy(units => units.Cluster));
        foreach (var units in directory.Spec.Clusters().Select(directory.Cluster))
        {
            units.ClusterActor.Tell(new WireUnit(directory), Self);
        }
        Become(Assembled);
        if (options.PowerOnAtStart)
        {
            PowerOnCores();
        }
        Stash.UnstashAll();
    }

    private void Assembled()
    {
        Receive<PowerOn>(_ => PowerOnCores());
        Receive<CoreStatusReport>(OnCoreStatus);
        Receive<NotifyWhenReady>(_ =>
        {
            if (result is null)
            {
                waiting.Add(Sender);
            }
            else
            {
                Sender.Tell(result, Self);
            }
        });
        Receive<GetMachineDirectory>(_ => Sender.Tell(directory!, Self));
        Receive<WatchCoreStatus>(watch =>
        {
            // The watcher learns where every core is now: a report delivered before this request
            // (nothing orders the watcher's request before the cores' reports) would be lost to it.
            // The hypervisor waited for ever for a kill's "parked" reports that came before its watch.
            watchers.Add(watch.Watcher);
            foreach (var report in board.Snapshot())
            {
                watch.Watcher.Tell(report, Self);
            }
            watch.Watcher.Tell(CoreStatusWatched.Instance, Self);
        });
        Receive<GetCoreStatuses>(_ => Sender.Tell(new CoreStatuses(board.Snapshot().ToValueList()), Self));
        Receive<PowerCycle>(_ => OnPowerCycle());
    }

    /// <summary>Everything the machine keeps about a run goes (readiness, watchers, the board); then every unit powers off.</summary>
    private void OnPowerCycle()
    {
        board = new MachineStatusBoard(spec);
        result = null;
        waiting.Clear();
        watchers.Clear();
        poweredOn = false;
        var units = directory!.Spec.Clusters().Select(directory.Cluster).SelectMany(cluster => cluster.All()).ToList();
        foreach (var unit in units)
        {
            unit.Tell(PowerOffUnit.Instance, Self);
        }
        if (!HardwareUnitActor.IsNoSender(Sender, Context.System))
        {
            Sender.Tell(new MachinePoweredOff(units.Count), Self);
        }
    }

    private void PowerOnCores()
    {
        if (poweredOn)
        {
            return;
        }
        poweredOn = true;
        foreach (var units in directory!.Spec.Clusters().Select(directory.Cluster))
        {
            units.ClusterActor.Tell(PowerOn.Instance, Self);
        }
    }

    private void OnCoreStatus(CoreStatusReport report)
    {
        board.Update(report.Core, report.Status);
        foreach (var watcher in watchers)
        {
            watcher.Tell(report, Self);
        }
        if (result is not null)
        {
            return;
        }
        if (report.Status.Fault is { } fault)
        {
            Settle(new MachineStartFailed(Context.Now, report.Core, fault));
        }
        else if (board.IsStarted)
        {
            Context.System.EventStream.Publish(new MachineStarted(Context.Now, UnitId.Machine, spec));
            Settle(new MachineReady(Context.Now, directory!));
        }
    }

    private void Settle(MachineStartResult outcome)
    {
        result = outcome;
        foreach (var requester in waiting)
        {
            requester.Tell(outcome, Self);
        }
        waiting.Clear();
    }
}
