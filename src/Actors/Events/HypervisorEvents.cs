using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;

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
