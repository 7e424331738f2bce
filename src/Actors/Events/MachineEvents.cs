using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Events;

/// <summary>The machine reached "every core but P0 C_0 waiting, P0 C_0 running the hypervisor".</summary>
public sealed record MachineStarted(TimeSpan At, UnitId Machine, MachineSpec Spec) : HardwareEvent(At, Machine)
{
    public override string ToString() => $"machine started: {Spec.CoreCount} cores, every core but {CoreId.MachineBootCore} waiting";
}
