using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Events;

/// <summary>A HAT was loaded with an instance's table (it still passes addresses through).</summary>
public sealed record HatConfigured(TimeSpan At, UnitId Hat, HatConfiguration Configuration) : HardwareEvent(At, Hat);

/// <summary>A HAT started translating: from now on what goes through it is instance-physical.</summary>
public sealed record HatActivated(TimeSpan At, UnitId Hat, HatConfiguration Configuration) : HardwareEvent(At, Hat);

/// <summary>A HAT went back to Off: identity, no table.</summary>
public sealed record HatReset(TimeSpan At, UnitId Hat) : HardwareEvent(At, Hat);

/// <summary>A HAT refused an operation (activated before configured, reconfigured while active).</summary>
public sealed record HatRefused(TimeSpan At, UnitId Hat, HatOperation Operation, string Reason) : HardwareEvent(At, Hat);
