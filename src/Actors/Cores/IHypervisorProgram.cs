namespace ActorHyper.Actors.Cores;

/// <summary>
/// A program of the hypervisor's own code: like an <see cref="ICoreProgram"/>, but driving the core
/// through the privileged <see cref="IHypervisorCpu"/>. Registered with
/// <see cref="ProgramLibrary.WithHypervisor"/>, for <see cref="Hardware.Memory.CodeIdentity.Hypervisor"/>
/// only, and run only when that code is entered with the core's HAT off (in machine space).
/// </summary>
public interface IHypervisorProgram
{
    /// <summary>Entered at the entry point, right after the fetch.</summary>
    void Run(IHypervisorCpu cpu);

    /// <summary>As <see cref="ICoreProgram.OnInterrupt"/>: by default, read the mailbox and continue at the address it holds.</summary>
    void OnInterrupt(IHypervisorCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        cpu.ReadMailbox(slot, read => cpu.Jump(read.Value));
    }

    /// <summary>As <see cref="ICoreProgram.Receive"/>: a message that is not a hardware reply; false if not understood.</summary>
    bool Receive(IHypervisorCpu cpu, object message) => false;
}
