using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Resources;
using Akka.Actor;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// The shell's record of one instance: what it holds, where it is in its lifecycle, and who waits
/// on it. Owned by the shell program on P0 C_0; changed only on that core's turns.
/// </summary>
internal sealed class Instance(Allocation allocation, int coresPerCluster)
{
    public Allocation Allocation { get; } = allocation;

    public int Id => Allocation.InstanceId;

    public InstanceState State { get; set; } = InstanceState.Allocating;

    public InstanceStep? FailedStep { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>Every core of the instance, in instance order (cluster k, then core p).</summary>
    public ValueList<CoreId> Cores { get; } = allocation.Clusters
        .SelectMany(cluster => Enumerable.Range(0, coresPerCluster).Select(core => new CoreId(cluster, core)))
        .ToValueList();

    /// <summary>Where each core is in a kill: halted (Parked reported), then back in <c>wait</c> after its reset.</summary>
    public Dictionary<CoreId, KillProgress> Parking { get; } = [];

    /// <summary>A step's operations are in flight: a kill must let them land first.</summary>
    public bool StepInFlight { get; set; }

    public bool KillRequested { get; set; }

    /// <summary>Which boot watchdog is this instance's (a number the shell gives each boot): an earlier launch's never fails a later one.</summary>
    public int BootWatch { get; set; }

    /// <summary>The message of its pending boot watchdog, while Booting: what cancels it.</summary>
    public object? Watchdog { get; set; }

    /// <summary>The hand-off IPI is written (early, in the ipi-before-hat-config variant).</summary>
    public bool HandOffSent { get; set; }

    /// <summary>
    /// The guest wrote its Running mailbox while the hand-off write was still unacknowledged: the boot
    /// core woke on the write and booted before its acknowledgement came back. The instance runs as
    /// soon as the hand-off lands.
    /// </summary>
    public bool RanBeforeHandOffLanded { get; set; }

    /// <summary>The step under way (or last done): where a refusal or a core fault fails the instance.</summary>
    public InstanceStep Step { get; set; } = InstanceStep.Allocate;

    /// <summary>The steps done so far, with their times: what <c>timeline</c> and <c>info</c> show.</summary>
    public List<StepRecord> Steps { get; } = [];

    /// <summary>Each core's last reported status (absent until the core reports).</summary>
    public Dictionary<CoreId, CoreStatus> CoreStatuses { get; } = [];

    /// <summary>Who typed the <c>run</c>, until it is answered at the hand-off (or the launch fails).</summary>
    public (IActorRef ReplyTo, string Command)? Launcher { get; set; }

    /// <summary>Who typed a <c>kill</c> of this instance, answered once it is Stopped.</summary>
    public List<(IActorRef ReplyTo, string Command)> Killers { get; } = [];

    public InstanceInfo Info => new(
        Id,
        State,
        Allocation.Clusters,
        Allocation.IocChannel,
        Allocation.TtyChannel,
        Allocation.FbChannel,
        Cores.Count,
        FailedStep,
        FailureReason);
}

/// <summary>A core's progress through a kill.</summary>
internal enum KillProgress
{
    /// <summary>Halt sent; its Parked report not seen yet (earlier reports may still arrive).</summary>
    Halting,

    /// <summary>Parked reported: the next Waiting report is the core back in the hypervisor after its reset.</summary>
    Parked,

    /// <summary>Back in the hypervisor's <c>wait</c>.</summary>
    Waiting,
}
