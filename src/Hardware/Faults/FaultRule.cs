namespace ActorHyper.Hardware.Faults;

/// <summary>
/// One kind of fault with its chance at each opportunity of its point (in [0, 1]) and, for the
/// kinds that take one, its duration (an IPI's delay, a core's stall).
/// </summary>
public sealed record FaultRule(FaultKind Kind, double Probability, TimeSpan Duration);
