using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>Machine options that plant misbehaving code, to drive an instance into a stuck boot or a fault.</summary>
internal static class PlantedPrograms
{
    /// <summary>
    /// The real HAT activation code, except that <paramref name="core"/> stalls in it: it turns its
    /// HAT on, then waits forever, taking and ignoring every interrupt (the kernel's wake-up included).
    /// </summary>
    public static MachineOptions StallingCore(CoreId core) => new()
    {
        Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.HatActivation, id => id == core
            ? new StalledProgram()
            : new HatActivationProgram()),
    };

    private sealed class StalledProgram : ICoreProgram
    {
        public void Run(ICoreCpu cpu) => cpu.ActivateHat(cpu.Wait);

        public void OnInterrupt(ICoreCpu cpu, int slot) => cpu.ReadMailbox(slot, _ => cpu.Wait());
    }

    /// <summary>The boot loader faults on <paramref name="core"/> with <paramref name="reason"/>; elsewhere the real one runs.</summary>
    public static MachineOptions FaultingBootLoader(CoreId core, string reason) => new()
    {
        Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, id => id == core
            ? new ScriptedCore(cpu => cpu.Fault(reason))
            : new BootLoaderProgram()),
    };
}
