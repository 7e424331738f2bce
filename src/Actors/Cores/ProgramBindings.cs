using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Cores;

// How a program meets its core. A core runs what ProgramLibrary.Create returns and hands it itself;
// these bindings decide what the program sees of it.

/// <summary>
/// Any program but the hypervisor's own (guest code above all): it sees only the core's guest view,
/// an object that is only an <see cref="ICoreCpu"/>, and only the messages that view lets through.
/// </summary>
internal sealed class ConfinedProgram(ICoreProgram program) : ICoreProgram
{
    public void Run(ICoreCpu cpu) => program.Run(Guest(cpu).GuestView);

    public void OnInterrupt(ICoreCpu cpu, int slot) => program.OnInterrupt(Guest(cpu).GuestView, slot);

    public bool Receive(ICoreCpu cpu, object message) => Guest(cpu).DeliverToGuest(program, message);

    private static CoreActor Guest(ICoreCpu cpu) =>
        cpu as CoreActor ?? throw new ArgumentException($"a program runs on a core, not on a {cpu?.GetType().Name}", nameof(cpu));
}

/// <summary>
/// The hypervisor's own program, on the privileged view, as long as the code was entered with the
/// core's HAT off. Entered in instance space (a guest that stored a block of hypervisor code in its
/// memory and jumped there), it gets nothing: the core faults.
/// </summary>
internal sealed class PrivilegedProgram(IHypervisorProgram program) : ICoreProgram
{
    public void Run(ICoreCpu cpu)
    {
        var entry = cpu.EntryAddress;
        if (entry.Space != AddressSpace.Machine)
        {
            cpu.Fault($"the hypervisor's code runs only with the HAT off, but it was entered at {entry}, in instance space");
            return;
        }
        program.Run(Hypervisor(cpu));
    }

    public void OnInterrupt(ICoreCpu cpu, int slot) => program.OnInterrupt(Hypervisor(cpu), slot);

    public bool Receive(ICoreCpu cpu, object message) => program.Receive(Hypervisor(cpu), message);

    private static IHypervisorCpu Hypervisor(ICoreCpu cpu) =>
        cpu as IHypervisorCpu ?? throw new ArgumentException($"a program runs on a core, not on a {cpu?.GetType().Name}", nameof(cpu));
}
