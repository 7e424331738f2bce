using ActorHyper.Actors.Cores;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Guest;

/// <summary>The guest's programs: the boot loader and the Off++ kernel.</summary>
public static class GuestPrograms
{
    /// <summary>
    /// <paramref name="programs"/> with the boot loader and the Off++ kernel, each unless
    /// <paramref name="programs"/> brings its own (how a test plants faulty code).
    /// </summary>
    public static ProgramLibrary Library(GuestOptions? options, ProgramLibrary programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var settings = options ?? GuestOptions.Default;
        var library = programs;
        if (!library.Codes.Contains(CodeIdentity.BootLoader))
        {
            library = library.With(CodeIdentity.BootLoader, _ => new BootLoaderProgram());
        }
        if (!library.Codes.Contains(CodeIdentity.GuestKernel))
        {
            library = library.With(CodeIdentity.GuestKernel, _ => new OffKernelProgram(settings));
        }
        return library;
    }
}
