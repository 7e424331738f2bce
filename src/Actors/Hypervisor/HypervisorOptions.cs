using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>How the hypervisor's shell behaves (from <c>actorhyper.hypervisor</c> in the configuration).</summary>
public sealed record HypervisorOptions
{
    public static HypervisorOptions Default { get; } = new();

    /// <summary>How long <c>wait</c> waits when given no <c>-t</c>, in system time (virtual in controlled runs).</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after its hand-off an instance may boot before the hypervisor fails it (system time:
    /// virtual in controlled runs). A lost IPI leaves a boot waiting for nothing; only a deadline tells.
    /// </summary>
    public TimeSpan BootTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How much longer than a command's own time limit its caller waits for the reply before
    /// reporting the hypervisor unresponsive (a reply always comes unless the shell core died).
    /// </summary>
    public TimeSpan ReplyMargin { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The protocol variant of the whole machine (<c>actorhyper.variant</c>): <see cref="HypervisorHandle.Start"/>
    /// hands it to the hardware and the guest too. <see cref="ProtocolVariant.None"/> by default.
    /// </summary>
    public ProtocolVariant Variant { get; init; }
}
