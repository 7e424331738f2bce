using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// What a core does once it has fetched a program's entry point: the extension point through which
/// the hypervisor, the boot loader and the guest kernel plug into the machine. A program never
/// blocks: it issues instructions on <see cref="ICoreCpu"/> (each a chain of messages) and goes on
/// in their continuations. A core creates a fresh program object each time it enters the code, and
/// drops it when it jumps elsewhere, faults or resets; replies to what the old one issued are ignored.
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
