using ActorHyper.Actors.Interrupts;

namespace ActorHyper.Actors.Faults;

// What a unit sends itself to carry out an injected fault later. Each carries the unit's power-cycle
// generation: one left over from an earlier run is dropped.

/// <summary>A delayed IPI's write, landing now (a timer of the XICU's).</summary>
public sealed record DelayedMailboxWrite(WriteMailbox Write, int Generation);

/// <summary>A duplicated IPI's second write (a message of the XICU's to itself, scheduled like any other).</summary>
public sealed record DuplicateMailboxWrite(WriteMailbox Write, int Generation);

/// <summary>A stalled core's stall is over (a timer of the core's).</summary>
public sealed record StallOver(long Stall);
