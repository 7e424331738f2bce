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
