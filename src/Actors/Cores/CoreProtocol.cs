using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Cores;

// A core's control inputs (besides PowerOn and the hardware replies it gets).

/// <summary>Pulls the core's reset line: it drops what it was doing and starts again at the reset vector.</summary>
public sealed record ResetCore
{
    public static ResetCore Instance { get; } = new();
}

/// <summary>
/// Halts the core (the hypervisor's first step of a <c>kill</c>): it drops its program and what it
/// has in flight and executes nothing more until reset. Answered by <see cref="CoreHalted"/>.
/// </summary>
public sealed record HaltCore(long Tag);

public sealed record CoreHalted(long Tag, CoreId Core) : Bus.ITaggedReply;

/// <summary>
/// Makes the core continue at <see cref="Address"/> (as a debugger or a test would): the same as
/// the program executing a jump, expecting <see cref="Expected"/>'s entry point or any code's.
/// </summary>
public sealed record JumpCore(ulong Address, CodeIdentity? Expected = null);

/// <summary>Asks for the core's status. Answered by <see cref="CoreStatusReport"/>.</summary>
public sealed record GetCoreStatus
{
    public static GetCoreStatus Instance { get; } = new();
}

/// <summary>A core's status: its answer to <see cref="GetCoreStatus"/>, and what it tells the machine at every change.</summary>
public sealed record CoreStatusReport(CoreId Core, CoreStatus Status);
