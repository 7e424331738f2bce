namespace ActorHyper.Hardware.Faults;

/// <summary>
/// Where faults are decided: at each of these moments, at one site (a mailbox, a core, an IOC
/// channel, a DMA engine), one draw picks at most one fault among the kinds of that point.
/// </summary>
public enum FaultPoint
{
    /// <summary>A core writes an XICU mailbox (an IPI); the site is the mailbox.</summary>
    Ipi,

    /// <summary>A core is handed a message; the site is the core.</summary>
    CoreMessage,

    /// <summary>The IOC serves a read; the site is the channel.</summary>
    IocRead,

    /// <summary>A DMA engine starts a transfer; the site is the engine's cluster.</summary>
    DmaTransfer,
}
