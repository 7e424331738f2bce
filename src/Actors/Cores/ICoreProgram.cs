using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// What a core does once it has fetched a program's entry point: the extension point through which
/// the boot loader, the guest kernel and the HAT activation code (any code but the hypervisor's own,
/// which is an <see cref="IHypervisorProgram"/>) plug into the machine. It sees the core only as
/// <see cref="ICoreCpu"/>: an object that is nothing more, so no cast reaches the hypervisor's view.
/// A program never blocks: it issues instructions (each a chain of messages) and goes on in their
/// continuations. A core creates a fresh program object each time it enters the code, and drops it
/// when it jumps elsewhere, faults or resets; replies to what the old one issued are ignored.
/// </summary>
public interface ICoreProgram
{
    /// <summary>Entered at the entry point, right after the fetch.</summary>
    void Run(ICoreCpu cpu);

    /// <summary>
    /// The core's line went high while it executed <c>wait</c>; <paramref name="slot"/> is the
    /// lowest enabled pending mailbox, still pending. By default: read the mailbox (clearing it) and
    /// continue at the address it holds, whatever code is there.
    /// </summary>
    void OnInterrupt(ICoreCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        cpu.ReadMailbox(slot, read => cpu.Jump(read.Value));
    }

    /// <summary>A message sent to the core that is not a hardware reply (from a service the program talks to); false if not understood.</summary>
    bool Receive(ICoreCpu cpu, object message) => false;
}
