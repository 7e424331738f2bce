using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Faults;

namespace ActorHyper.Actors.Events;

/// <summary>A unit injected a fault (see <see cref="Faults.FaultInjector"/>): stories and traces show it where it happened.</summary>
public sealed record FaultInjected(TimeSpan At, UnitId Unit, InjectedFault Fault) : HardwareEvent(At, Unit)
{
    public override string ToString() => $"fault injected by {Unit}: {Fault}";
}
