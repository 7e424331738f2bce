namespace ActorHyper.Actors.Machine;

/// <summary>
/// Sent by the machine, through each cluster actor, to every unit once every unit exists: where the
/// others are. A unit keeps every other message aside until it has this.
/// </summary>
public sealed record WireUnit(MachineDirectory Directory);

/// <summary>Powers the machine on (to the machine actor), a cluster's cores on (to a cluster actor), or a core on.</summary>
public sealed record PowerOn
{
    public static PowerOn Instance { get; } = new();
}
