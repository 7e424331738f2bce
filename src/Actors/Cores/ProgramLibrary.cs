using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// Which program runs when a core enters which code. Immutable: <see cref="With"/> returns a new
/// library, so later issues add the shell, the boot loader or the kernel without touching the core.
/// Factories run on cores' turns, possibly on several threads at once: they must only build.
/// Code with no program (say, the guest kernel before its issue lands) is entered and executed
/// opaquely: the core reports it executing there and does nothing more.
/// </summary>
public sealed class ProgramLibrary
{
    private readonly Dictionary<CodeIdentity, Func<CoreId, ICoreProgram>> factories;

    private ProgramLibrary(Dictionary<CodeIdentity, Func<CoreId, ICoreProgram>> factories) => this.factories = factories;

    public static ProgramLibrary Empty { get; } = new([]);

    /// <summary>The machine's own: the hypervisor boot (every core but P0 C_0 waits; P0 C_0 stays in the hypervisor).</summary>
    public static ProgramLibrary MachineDefault { get; } = Empty.With(CodeIdentity.Hypervisor, _ => new HypervisorBootProgram());

    public IEnumerable<CodeIdentity> Codes => factories.Keys.Order();

    public ProgramLibrary With(CodeIdentity code, Func<CoreId, ICoreProgram> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new ProgramLibrary(new Dictionary<CodeIdentity, Func<CoreId, ICoreProgram>>(factories) { [code] = factory });
    }

    /// <summary>A fresh program for <paramref name="core"/> entering <paramref name="code"/>, or null if none is known.</summary>
    public ICoreProgram? Create(CodeIdentity code, CoreId core) =>
        factories.TryGetValue(code, out var factory) ? factory(core) : null;
}
