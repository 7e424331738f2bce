using ActorHyper.Hardware;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// Sent by the machine, through each cluster actor, to every unit once every unit exists: where the
/// others are. A unit keeps every other message aside until it has this.
/// </summary>
public sealed record WireUnit(MachineDirectory Directory);

/// <summary>
/// From the machine to every unit, in a power cycle: back to the state it had when the machine was
/// built (RAM empty, HATs off, mailboxes clear, cores reset but not fetching, their software
/// stopping). Only between controlled runs, when nothing is in flight: the driver, run until the
/// system is quiescent, then has every unit powered off (no unit answers, which would cost a
/// delivery per unit per run).
/// </summary>
public sealed record PowerOffUnit
{
    public static PowerOffUnit Instance { get; } = new();
}

/// <summary>Powers the machine on (to the machine actor), a cluster's cores on (to a cluster actor), or a core on.</summary>
public sealed record PowerOn
{
    public static PowerOn Instance { get; } = new();
}

/// <summary>
/// From outside the machine (a soak's leak check, a test) to any unit: what it still holds that a
/// unit of a pooled cluster should not (<see cref="UnitAudit"/>). Answered only once wired.
/// </summary>
public sealed record AuditUnit
{
    public static AuditUnit Instance { get; } = new();
}

/// <summary>
/// A unit's answer to <see cref="AuditUnit"/>: each thing it holds beyond its idle state, in words
/// (a pending mailbox, an active HAT, RAM content, a live child actor, a pending timer), empty when
/// idle; and how many messages wait in its actor's mailbox behind the audit.
/// </summary>
public sealed record UnitAudit(UnitId Unit, ValueList<string> Residue, int Queued)
{
    public bool IsIdle => Residue.Count == 0;
}
