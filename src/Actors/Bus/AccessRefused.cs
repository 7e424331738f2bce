using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Bus;

/// <summary>
/// A unit's answer to a request it cannot carry out (a range past the end of memory, a slot that
/// does not exist, a write to the ROM): the bus error a real interconnect would return.
/// </summary>
public sealed record AccessRefused(long Tag, UnitId By, string Reason) : ITaggedReply;
