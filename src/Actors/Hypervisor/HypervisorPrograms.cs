using ActorHyper.Actors.Cores;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>The programs of the hypervisor: its boot with the shell on P0 C_0, and the HAT activation code.</summary>
public static class HypervisorPrograms
{
    /// <summary>
    /// <paramref name="programs"/> (the machine's by default) with the hypervisor's code: every core
    /// runs the hypervisor boot, P0 C_0 with the shell, on the privileged view; the HAT activation code
    /// runs wherever it is entered, on the guest's view (it needs nothing more, and its copy sits in the
    /// instance's memory), unless <paramref name="programs"/> brings its own (how a test plants a faulty one).
    /// </summary>
    public static ProgramLibrary Library(HypervisorOptions? options = null, ProgramLibrary? programs = null)
    {
        var settings = options ?? HypervisorOptions.Default;
        var library = (programs ?? ProgramLibrary.MachineDefault)
            .WithHypervisor(core => new HypervisorBootProgram(core.IsMachineBootCore ? new ShellProgram(settings) : null));
        return library.Codes.Contains(CodeIdentity.HatActivation)
            ? library
            : library.With(CodeIdentity.HatActivation, _ => new HatActivationProgram());
    }
}
