using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

// What the coffee machine and the sensors of its hardware say to each other: the machine only knows
// these, so it cannot tell the mocks from real sensors. A reading is asked for (Read...) and answered
// to the registered client; a button switches a device; the devices report a few things on their own
// (the interrupts: water hot, shot complete, water or hopper empty).

/// <summary>From now on, answers and interrupts go to <paramref name="Caller"/> (the one live machine).</summary>
public sealed record RegisterClient(IActorRef Caller);

public sealed record ReadWaterLevel;

/// <summary>Percent of a full tank; it drops one point per shot.</summary>
public sealed record WaterLevel(double Percent);

public sealed record ReadHopperLevel;

/// <summary>Percent of a full bean hopper; grinding lowers it, and nothing stops it from going below zero.</summary>
public sealed record HopperLevel(double Percent);

public sealed record ReadWaterTemperature;

public sealed record WaterTemperature(double Degrees);

public sealed record ReadPortaFilterCoffeeLevel;

/// <summary>How full of ground coffee the porta filter is, in percent.</summary>
public sealed record PortaFilterCoffeeLevel(double Percent);

public sealed record ReadDoorOpen;

public sealed record DoorOpen(bool Open);

public sealed record WaterHeaterButton(bool PowerOn);

public sealed record GrinderButton(bool PowerOn);

/// <summary>On: pour one shot (the pump stops by itself when the shot is done).</summary>
public sealed record PumpWater(bool PowerOn);

/// <summary>On: empty the porta filter at once.</summary>
public sealed record DumpGrindsButton(bool PowerOn);

public sealed record WaterHot;

public sealed record ShotComplete;

public sealed record WaterEmpty;

public sealed record HopperEmpty;
