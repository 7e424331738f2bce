using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// The hypervisor code every core runs from ROM after reset (seed 000, "Init"): every core except
/// P0 of the hypervisor cluster executes <c>wait</c>, and when woken continues at the address in
/// its mailbox; P0 C_0 stays in the hypervisor, handing over to <paramref name="bootCore"/> (the
/// shell, when a later issue provides it).
/// </summary>
public sealed class HypervisorBootProgram(ICoreProgram? bootCore = null) : ICoreProgram
{
    public void Run(ICoreCpu cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (cpu.Core.IsMachineBootCore)
        {
            bootCore?.Run(cpu);
        }
        else
        {
            cpu.Wait();
        }
    }

    public void OnInterrupt(ICoreCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (bootCore is not null && cpu.Core.IsMachineBootCore)
        {
            bootCore.OnInterrupt(cpu, slot);
        }
        else
        {
            cpu.ReadMailbox(slot, read => cpu.Jump(read.Value));
        }
    }

    public bool Receive(ICoreCpu cpu, object message) =>
        bootCore is not null && cpu is { Core.IsMachineBootCore: true } && bootCore.Receive(cpu, message);
}
