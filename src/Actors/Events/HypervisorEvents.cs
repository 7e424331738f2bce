using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Events;

// What the hypervisor (software on P0 C_0) does, published next to the hardware's events.

/// <summary>An instance moved from one lifecycle state to the next; <see cref="Reason"/> says why it failed.</summary>
public sealed record InstanceStateChanged(TimeSpan At, UnitId Unit, int InstanceId, InstanceState Previous, InstanceState State, string? Reason = null)
    : HardwareEvent(At, Unit)
{
    public override string ToString() =>
        $"instance {InstanceId}: {Previous} -> {State}{(Reason is null ? "" : $" ({Reason})")}";
}

/// <summary>The hypervisor finished one step on an instance; <see cref="Detail"/> says what it did.</summary>
public sealed record InstanceStepCompleted(TimeSpan At, UnitId Unit, int InstanceId, InstanceStep Step, string Detail)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: {Step}: {Detail}";
}

/// <summary>The hypervisor took <see cref="Allocation"/> from the pools for instance <see cref="InstanceId"/>.</summary>
public sealed record ResourcesAllocated(TimeSpan At, UnitId Unit, int InstanceId, Allocation Allocation)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId} took {Allocation}";
}

/// <summary>
/// The hypervisor returned everything instance <see cref="InstanceId"/> held to the pools (the end of
/// a kill); <see cref="Pools"/> is what the pools hold just after, for the conservation rule.
/// </summary>
public sealed record ResourcesReleased(TimeSpan At, UnitId Unit, int InstanceId, Allocation Allocation, PoolSnapshot Pools)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId} returned {Allocation}";
}

/// <summary>The shell answered a command line (every <see cref="ShellInput"/> gets one answer).</summary>
public sealed record ShellAnswered(TimeSpan At, UnitId Unit, string Command, bool Succeeded)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"shell answered '{Command}'{(Succeeded ? "" : " (refused)")}";
}
