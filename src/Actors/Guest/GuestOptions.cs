using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Guest;

/// <summary>How the Off++ guest boots (from <c>actorhyper.guest</c> in the configuration).</summary>
public sealed record GuestOptions
{
    public static GuestOptions Default { get; } = new();

    /// <summary>DTLB support (the seed's <c>n_opts-&gt;usedmm()</c>): the KVM is told, and the DMM starts only with it.</summary>
    public bool Dtlb { get; init; } = true;

    /// <summary>A deliberately wrong protocol step the guest plays (<c>srvstart</c>'s order); <see cref="ProtocolVariant.None"/> by default.</summary>
    public ProtocolVariant Variant { get; init; }
}
