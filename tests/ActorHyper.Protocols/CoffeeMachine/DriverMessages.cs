namespace ActorHyper.Protocols.CoffeeMachine;

// Between the failover driver and the coffee machine it starts and kills.

/// <summary>The setup's first message to the driver.</summary>
public sealed record StartTest;

public sealed record MakeCoffee(int Shots);

/// <summary>The job is over: made, or given up (<paramref name="Error"/>: a refill or a repair is needed).</summary>
public sealed record CoffeeCompleted(bool Error);

/// <summary>Switch everything off and halt; answered with <see cref="Halted"/> once halted.</summary>
public sealed record Terminate;

public sealed record Halted;

/// <summary>The driver's timer: time to kill the machine.</summary>
public sealed record HaltTime;
