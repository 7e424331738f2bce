using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Guest;

namespace ActorHyper.Actors.Events;

// What the Off++ guest does while it boots, published by the cores that run it (and by its node):
// the boot-order monitor checks these against the seed's rules.

/// <summary>
/// The boot core of <see cref="InstanceId"/> started a server in <c>srvstart</c> (sent it its Start;
/// the server is up once it has processed it). <see cref="Processor"/> is the Off++ processor that did it.
/// </summary>
public sealed record GuestServerStarted(TimeSpan At, UnitId Unit, int InstanceId, ServerStart Entry, OffId? Id, int Processor)
    : HardwareEvent(At, Unit)
{
    public ServerKind Kind => Entry.Kind;

    public int Index => Entry.Index;

    public string Description => Entry.Describe();

    public override string ToString() =>
        $"instance {InstanceId}: {Description} started{(Id is { } id ? $" as {id}" : "")} by processor {Processor}";
}

/// <summary><c>get_server_id</c> ran on <see cref="Processor"/> and gave <see cref="Id"/>.</summary>
public sealed record ServerIdTaken(TimeSpan At, UnitId Unit, int InstanceId, OffId Id, int Processor, bool IsBootCore)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: get_server_id gave {Id} on processor {Processor}{(IsBootCore ? " (boot)" : "")}";
}

/// <summary>srvstart returned on the boot core after walking <see cref="Plan"/>.</summary>
public sealed record SrvstartFinished(TimeSpan At, UnitId Unit, int InstanceId, SrvstartPlan Plan)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: {Plan} finished";
}

/// <summary>
/// The node got processor <see cref="Processor"/>'s request for its idle shuttle; <see cref="Early"/>:
/// the shuttle server was not up yet, so the request waits for it.
/// </summary>
public sealed record IdleShuttleRequested(TimeSpan At, UnitId Unit, int InstanceId, int Processor, bool Early)
    : HardwareEvent(At, Unit)
{
    public override string ToString() =>
        $"instance {InstanceId}: processor {Processor} asks for its idle shuttle{(Early ? " before the shuttle server is up: it waits" : "")}";
}

/// <summary>Processor <see cref="Processor"/> took its idle shuttle and idles in it.</summary>
public sealed record IdleShuttleTaken(TimeSpan At, UnitId Unit, int InstanceId, int Processor)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: processor {Processor} idles in its shuttle";
}

/// <summary>Every processor of the instance idles in its shuttle: the boot core reports Running to the hypervisor.</summary>
public sealed record GuestRunning(TimeSpan At, UnitId Unit, int InstanceId)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: every processor idles, the guest runs";
}

/// <summary>The boot-order monitor found an Off++ rule broken (DESIGN.md §7).</summary>
public sealed record GuestRuleViolated(TimeSpan At, UnitId Unit, int InstanceId, string Message)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: Off++ rule broken: {Message}";
}

/// <summary>The portal server gave the server with <see cref="Id"/> its portal in <see cref="Slot"/> (slot = seq).</summary>
public sealed record GuestPortalCreated(TimeSpan At, UnitId Unit, int InstanceId, OffId Id, int Slot)
    : HardwareEvent(At, Unit)
{
    public override string ToString() => $"instance {InstanceId}: portal of {Id} in slot {Slot}";
}
