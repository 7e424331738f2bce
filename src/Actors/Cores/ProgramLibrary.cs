using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// Which program runs when a core enters which code, and what it sees of the core. Immutable:
/// <see cref="With"/> and <see cref="WithHypervisor"/> return a new library, so later issues add the
/// shell, the boot loader or the kernel without touching the core. Factories run on cores' turns,
/// possibly on several threads at once: they must only build. Code with no program (say, the guest
/// kernel before its issue lands) is entered and executed opaquely: the core reports it executing
/// there and does nothing more.
/// <para>
/// The privilege goes by code identity and by how the code was entered. A program added with
/// <see cref="With"/>, for any code (the boot loader, the kernel, the HAT activation code, whose copy
/// sits in the instance's own memory, or a test's), gets the guest's view: an
/// <see cref="ICoreCpu"/> that is nothing more. Only the hypervisor's own code
/// (<see cref="CodeIdentity.Hypervisor"/>) can be given an <see cref="IHypervisorProgram"/> with
/// <see cref="WithHypervisor"/>, and that program gets <see cref="IHypervisorCpu"/> only when the
/// core entered the code with its HAT off: a guest cannot earn it by jumping to a block of
/// hypervisor code it stored in its own memory.
/// </para>
/// </summary>
public sealed class ProgramLibrary
{
    private readonly Dictionary<CodeIdentity, Func<CoreId, ICoreProgram>> factories;

    private ProgramLibrary(Dictionary<CodeIdentity, Func<CoreId, ICoreProgram>> factories) => this.factories = factories;

    public static ProgramLibrary Empty { get; } = new([]);

    /// <summary>The machine's own: the hypervisor boot (every core but P0 C_0 waits; P0 C_0 stays in the hypervisor).</summary>
    public static ProgramLibrary MachineDefault { get; } = Empty.WithHypervisor(_ => new HypervisorBootProgram());

    public IEnumerable<CodeIdentity> Codes => factories.Keys.Order();

    /// <summary><paramref name="code"/> runs the program <paramref name="factory"/> builds, on the guest's view of the core.</summary>
    public ProgramLibrary With(CodeIdentity code, Func<CoreId, ICoreProgram> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Add(code, core => new ConfinedProgram(factory(core)));
    }

    /// <summary>
    /// The hypervisor's code (<see cref="CodeIdentity.Hypervisor"/>) runs the program
    /// <paramref name="factory"/> builds, on the privileged view of the core; entered with the HAT on, it faults the core.
    /// </summary>
    public ProgramLibrary WithHypervisor(Func<CoreId, IHypervisorProgram> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Add(CodeIdentity.Hypervisor, core => new PrivilegedProgram(factory(core)));
    }

    /// <summary>
    /// A fresh program for <paramref name="core"/> entering <paramref name="code"/>, or null if none is
    /// known. The core hands it itself; the program inside sees only the view its code is entitled to.
    /// </summary>
    public ICoreProgram? Create(CodeIdentity code, CoreId core) =>
        factories.TryGetValue(code, out var factory) ? factory(core) : null;

    private ProgramLibrary Add(CodeIdentity code, Func<CoreId, ICoreProgram> bound) =>
        new(new Dictionary<CodeIdentity, Func<CoreId, ICoreProgram>>(factories) { [code] = bound });
}
