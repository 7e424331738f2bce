namespace ActorHyper.Hardware.Guest;

/// <summary>
/// The steps of Off++ <c>srvstart</c> in the order the seed runs them; the numeric order is the
/// order they must happen in (DESIGN.md §7), so phases compare with &lt; and &gt;.
/// </summary>
public enum BootPhase
{
    MemoryBanks,
    Kvm,
    RelocationTable,
    Portal,

    /// <summary>I/O banks, DMAs and the boot processor.</summary>
    HardwareServers,

    /// <summary>The shuttle server, and the DMM with DTLB support.</summary>
    AbstractServers,

    /// <summary>Processors 1.., which wait for the shuttle server to get their idle shuttles.</summary>
    NonBootProcessors,
}
