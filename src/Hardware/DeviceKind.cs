namespace ActorHyper.Hardware;

/// <summary>The kinds of target on the machine's interconnect (ALMOS's arch-info lists RAM as a device too).</summary>
public enum DeviceKind
{
    /// <summary>A cluster's RAM, behind its memory controller.</summary>
    Ram,

    /// <summary>The boot ROM (I/O cluster only).</summary>
    Rom,

    /// <summary>A cluster's interrupt controller with its WTI mailboxes.</summary>
    Xicu,

    /// <summary>A cluster's DMA engine.</summary>
    Dma,

    /// <summary>The block device, one channel per instance number (I/O cluster only).</summary>
    Ioc,

    /// <summary>The multi-channel terminal, 4 sub-channels per channel (I/O cluster only).</summary>
    Tty,

    /// <summary>The frame buffer, channels indexed like the TTY's (I/O cluster only).</summary>
    Fbf,

    /// <summary>The interrupt multiplexers that turn device interrupts into XICU writes (I/O cluster only).</summary>
    Iopic,
}
