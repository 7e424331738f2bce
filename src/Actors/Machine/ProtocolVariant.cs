namespace ActorHyper.Actors.Machine;

/// <summary>
/// A deliberately wrong version of one step of the boot protocol (<c>actorhyper.variant</c>), for
/// teaching and for proving that the invariant monitors catch it. <see cref="None"/>, the default,
/// is the correct protocol. Each variant is one marked branch where its step lives; the monitors
/// never know which variant runs.
/// </summary>
public enum ProtocolVariant
{
    /// <summary>The protocol as it should be.</summary>
    None,

    /// <summary>The hypervisor sends the hand-off IPI before it configures the instance's HATs.</summary>
    IpiBeforeHatConfig,

    /// <summary>The HAT activation code is copied into the instance at another offset than the hypervisor cluster's copy.</summary>
    HatCodeWrongOffset,

    /// <summary>The XICU's <c>wait</c> clears what is pending on the line: a wake-up that came before the wait is lost.</summary>
    UnlatchedWakeup,

    /// <summary>Free clusters are checked in one message and taken in another: two launches can take the same clusters.</summary>
    RacyAllocation,

    /// <summary>The instance's interrupt routes and masks are set after the hand-off IPI, not before.</summary>
    LateInterruptRouting,

    /// <summary>The guest's <c>srvstart</c> starts the non-boot processors before the shuttle server.</summary>
    EarlyNonbootCpus,
}
