namespace ActorHyper.Protocols.CoffeeMachine;

// Published on the event stream for the monitors only (Coyote's sample hands the same facts to its
// monitors); no actor reads them.

/// <summary>The machine took on a job (heating, making a coffee): it owes its end.</summary>
public sealed record MachineBusy;

/// <summary>The machine is ready, stopped at an error or a refill, or halted: it owes nothing.</summary>
public sealed record MachineIdle;

/// <summary>
/// A sensor switched a device on. <paramref name="Supply"/> is what the device consumes, as the
/// sensor knows it at that moment (water for the heater and the pump, beans for the grinder); null
/// for a device that needs nothing (the grinds dump).
/// </summary>
public sealed record DeviceSwitchedOn(string Device, double? Supply);

/// <summary>The door sensor found the door open when it started.</summary>
public sealed record DoorFoundOpen;
