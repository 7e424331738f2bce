using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Events;

/// <summary>
/// Something that happened in the machine, published on the system event stream by the unit it
/// happened in. Monitors, traces and the console host subscribe to this type (or to one event
/// type). <see cref="At"/> is the system's time (virtual in controlled runs).
/// </summary>
public abstract record HardwareEvent(TimeSpan At, UnitId Unit);
