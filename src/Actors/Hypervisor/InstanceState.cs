namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// An instance's lifecycle: Allocating → Loading → Starting → Booting → Running, or Failed (with
/// the step and the reason); Stopping then Stopped after <c>kill</c>.
/// </summary>
public enum InstanceState
{
    /// <summary>Clusters and channels being taken from the pools.</summary>
    Allocating,

    /// <summary>Arch-info, kernel descriptor, boot loader and HAT activation code being put in place.</summary>
    Loading,

    /// <summary>HATs configured, DMA HATs activated, interrupts routed, cores assigned.</summary>
    Starting,

    /// <summary>The hand-off IPI is sent: the instance's cores activate their HATs and enter the boot loader.</summary>
    Booting,

    /// <summary>Every core of the instance is up.</summary>
    Running,

    /// <summary>A launch step was refused or a core of the instance faulted; it keeps its resources until <c>kill</c>.</summary>
    Failed,

    /// <summary><c>kill</c> in progress: cores halted, then HATs, routes, mailboxes and memory reset.</summary>
    Stopping,

    /// <summary>Killed: every resource is back in its pool and the cores wait in the hypervisor.</summary>
    Stopped,
}

public static class InstanceStateText
{
    /// <summary>Running, Failed and Stopped are where an instance stays by itself.</summary>
    public static bool IsSettled(this InstanceState state) => state is InstanceState.Running or InstanceState.Failed or InstanceState.Stopped;

    /// <summary>
    /// Whether the lifecycle lets <paramref name="next"/> follow <paramref name="previous"/>: each launch
    /// step in order, Failed from any step before Stopping, Stopping from anything not yet stopping
    /// (a kill may meet a launch), Stopped only after Stopping, and a new launch after Stopped.
    /// </summary>
    public static bool MayFollow(this InstanceState next, InstanceState previous) => next switch
    {
        InstanceState.Allocating => previous is InstanceState.Stopped,
        InstanceState.Loading => previous is InstanceState.Allocating,
        InstanceState.Starting => previous is InstanceState.Loading,
        InstanceState.Booting => previous is InstanceState.Starting,
        InstanceState.Running => previous is InstanceState.Booting,
        InstanceState.Failed => previous is not (InstanceState.Failed or InstanceState.Stopping or InstanceState.Stopped),
        InstanceState.Stopping => previous is not (InstanceState.Stopping or InstanceState.Stopped),
        InstanceState.Stopped => previous is InstanceState.Stopping,
        _ => false,
    };
}
