using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// The hypervisor code every core runs from ROM after reset (seed 000, "Init"): every core except
/// P0 of the hypervisor cluster executes <c>wait</c>; P0 C_0 stays in the hypervisor, running
/// <paramref name="bootCore"/> (the shell) if given.
/// <para>
/// A woken core reads its mailbox, then its <see cref="CoreAssignment"/> note in the hypervisor's
/// data. A core the hypervisor gave to an instance enters the HAT activation code (still in
/// machine space), handing it the mailbox value in <see cref="ICoreCpu.Argument"/>: the code turns
/// the HAT on and continues there. A core with no note continues at the mailbox value.
/// </para>
/// </summary>
public sealed class HypervisorBootProgram(IHypervisorProgram? bootCore = null) : IHypervisorProgram
{
    public void Run(IHypervisorCpu cpu)
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

    public void OnInterrupt(IHypervisorCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (bootCore is not null && cpu.Core.IsMachineBootCore)
        {
            bootCore.OnInterrupt(cpu, slot);
            return;
        }
        cpu.ReadMailbox(slot, read =>
            cpu.Load(BootLayout.CoreAssignmentOf(cpu.Core.Cluster, cpu.Core.Index).Raw, BootLayout.CoreAssignmentSize, note =>
            {
                if (note.Any(region => region.Content is DataRecord { Data: CoreAssignment }))
                {
                    cpu.Argument = read.Value;
                    cpu.Jump(BootLayout.HatCodeInHypervisorCluster.Raw, CodeIdentity.HatActivation);
                }
                else
                {
                    cpu.Jump(read.Value);
                }
            }));
    }

    public bool Receive(IHypervisorCpu cpu, object message) =>
        bootCore is not null && cpu is { Core.IsMachineBootCore: true } && bootCore.Receive(cpu, message);
}
