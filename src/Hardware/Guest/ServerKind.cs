namespace ActorHyper.Hardware.Guest;

/// <summary>The system servers Off++ <c>srvstart</c> starts.</summary>
public enum ServerKind
{
    /// <summary>A memory bank, one per instance cluster (<c>n_mbank[i]</c>).</summary>
    MemoryBank,

    /// <summary>The kernel virtual memory service (<c>kvm</c>).</summary>
    Kvm,

    /// <summary>The relocation table (<c>off_RelocTbl</c>), kept in a KVM region.</summary>
    RelocationTable,

    /// <summary>The portal server (<c>n_prtl</c>).</summary>
    Portal,

    /// <summary>An I/O bank, one per device other than RAM and DMA (<c>n_iobank[i]</c>).</summary>
    IoBank,

    /// <summary>A DMA engine, one per instance cluster (<c>n_dma[i]</c>).</summary>
    Dma,

    /// <summary>A processor, one per core (<c>n_proc[i]</c>); processor 0 is the boot processor.</summary>
    Processor,

    /// <summary>The shuttle server (<c>n_shtl</c>), which hands processors their idle shuttles.</summary>
    Shuttle,

    /// <summary>The distributed memory manager (<c>n_dmm</c>), only with DTLB support.</summary>
    Dmm,
}
