using ActorHyper.Actors.Cores;
using ActorHyper.Hardware;
using Akka.Actor;

namespace ActorHyper.Actors.Machine;

// The machine actor: assembly of the clusters, power-on, readiness, and the status board.

/// <summary>A cluster actor's report to the machine that its units exist.</summary>
public sealed record ClusterBuilt(ClusterUnits Units);

/// <summary>
/// Asks to be told when the machine has started: every core but P0 C_0 waiting and P0 C_0 running
/// the hypervisor, as the cores reported it. Answered at once if it already has (or has failed to).
/// Answered by a <see cref="MachineStartResult"/>.
/// </summary>
public sealed record NotifyWhenReady
{
    public static NotifyWhenReady Instance { get; } = new();
}

/// <summary>How the start went.</summary>
public abstract record MachineStartResult(TimeSpan At);

/// <summary>The machine started at <see cref="MachineStartResult.At"/>; the directory says where every unit is.</summary>
public sealed record MachineReady(TimeSpan At, MachineDirectory Directory) : MachineStartResult(At)
{
    public override string ToString() => $"machine ready at {At}";
}

/// <summary>A core faulted before the machine started: it never will without a reset.</summary>
public sealed record MachineStartFailed(TimeSpan At, CoreId Core, Fault Fault) : MachineStartResult(At)
{
    public override string ToString() => $"machine start failed at {At}: {Core} {Fault}";
}

/// <summary>
/// Puts every unit of an assembled machine back in its power-on state, without building it again
/// (a machine has hundreds of actors; creating them costs more than a run): answered by
/// <see cref="MachinePoweredOff"/>; once the run is quiescent, <see cref="PowerOn"/> starts it as a
/// fresh one starts. Only between controlled runs, when nothing is in flight.
/// </summary>
public sealed record PowerCycle
{
    public static PowerCycle Instance { get; } = new();
}

/// <summary>
/// The answer to <see cref="PowerCycle"/>: every unit has been told to power off; once the controlled
/// run is quiescent each is in its power-on state, and power-on starts the machine again.
/// </summary>
public sealed record MachinePoweredOff(int Units);

/// <summary>Asks where every unit is. Answered (once the units are wired) by the <see cref="MachineDirectory"/>.</summary>
public sealed record GetMachineDirectory
{
    public static GetMachineDirectory Instance { get; } = new();
}

/// <summary>Asks for every core's last reported status. Answered by <see cref="CoreStatuses"/>.</summary>
public sealed record GetCoreStatuses
{
    public static GetCoreStatuses Instance { get; } = new();
}

/// <summary>Every core's last reported status, cluster by cluster.</summary>
public sealed record CoreStatuses(ValueList<CoreStatusReport> Cores);

/// <summary>
/// Asks the machine to forward every core status report from now on to <see cref="Watcher"/>: the
/// hypervisor's view of its cores (which ones reached the boot loader, which faulted).
/// </summary>
public sealed record WatchCoreStatus(IActorRef Watcher);

/// <summary>
/// Ends the machine's answer to <see cref="WatchCoreStatus"/>: every core's current status has been
/// sent, and every change from now on follows. A watcher that acts on what it sees (the hypervisor's
/// kill follows each core to parked and back) must not act before this: a status seen only in the
/// snapshot says where a core is, not what it went through on the way.
/// </summary>
public sealed record CoreStatusWatched
{
    public static CoreStatusWatched Instance { get; } = new();
}
