using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Events;

/// <summary>A core moved from one state to another (reset, running the hypervisor, waiting, executing, faulted).</summary>
public sealed record CoreStatusChanged(TimeSpan At, CoreId Core, CoreStatus Previous, CoreStatus Status)
    : HardwareEvent(At, UnitId.Core(Core))
{
    public override string ToString() => $"{Core}: {Previous} -> {Status}";
}

/// <summary>
/// A core fetched at an address: as issued (machine or instance space), where its HAT sent it, and
/// what it found. Published for failed fetches too, just before the fault.
/// </summary>
public sealed record CodeFetched(TimeSpan At, CoreId Core, TaggedAddress Issued, MachineAddress Machine, FetchResult Result)
    : HardwareEvent(At, UnitId.Core(Core))
{
    public override string ToString() => $"{Core} fetched at {Issued} ({Machine}): {Result.Reason}";
}

/// <summary>A core stopped on a fault: the address it issued and why.</summary>
public sealed record CoreFaulted(TimeSpan At, CoreId Core, Fault Fault)
    : HardwareEvent(At, UnitId.Core(Core))
{
    public override string ToString() => $"{Core} {Fault}";
}
