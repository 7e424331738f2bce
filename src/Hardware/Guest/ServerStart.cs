using ActorHyper.Hardware.Boot;

namespace ActorHyper.Hardware.Guest;

/// <summary>
/// One step of the <see cref="SrvstartPlan"/>: which server to start, with which machine-dependent
/// info, in which phase, and whether it takes a server id. Built only through the factories, so
/// kind, index, info and phase always agree.
/// </summary>
/// <remarks>
/// Server ids follow the seed: memory banks, I/O banks, processors, the portal server, DMAs and the
/// DMM take one from <c>get_server_id</c>. The KVM (<c>kvm.start(kend, dtlb)</c>), the relocation
/// table (<c>off_RelocTbl::start(region)</c>) and the shuttle server (<c>n_shtl-&gt;start()</c>)
/// are started without one in the seed, and so take none here.
/// </remarks>
public sealed record ServerStart
{
    private ServerStart(ServerKind kind, int index, MemoryBankInfo? memoryBank, IoBankInfo? ioBank, DmaInfo? dma, ProcessorInfo? processor)
    {
        Kind = kind;
        Index = index;
        MemoryBankInfo = memoryBank;
        IoBankInfo = ioBank;
        DmaInfo = dma;
        ProcessorInfo = processor;
    }

    public static ServerStart Kvm { get; } = new(ServerKind.Kvm, 0, null, null, null, null);

    public static ServerStart RelocationTable { get; } = new(ServerKind.RelocationTable, 0, null, null, null, null);

    public static ServerStart PortalServer { get; } = new(ServerKind.Portal, 0, null, null, null, null);

    public static ServerStart ShuttleServer { get; } = new(ServerKind.Shuttle, 0, null, null, null, null);

    public static ServerStart Dmm { get; } = new(ServerKind.Dmm, 0, null, null, null, null);

    public ServerKind Kind { get; }

    /// <summary>The bank, I/O bank, DMA or processor number; 0 for the singletons.</summary>
    public int Index { get; }

    public BootPhase Phase => PhaseOf(Kind, Index);

    public bool TakesServerId => TakesServerIdFor(Kind);

    public MemoryBankInfo? MemoryBankInfo { get; }

    public IoBankInfo? IoBankInfo { get; }

    public DmaInfo? DmaInfo { get; }

    public ProcessorInfo? ProcessorInfo { get; }

    /// <summary>What the server is started with (<c>get_minfo</c>, <c>get_ioinfo</c>, ...), null for the singletons.</summary>
    public object? Info => (object?)MemoryBankInfo ?? (object?)IoBankInfo ?? (object?)DmaInfo ?? ProcessorInfo;

    /// <summary>True for a processor other than the boot processor: it waits for its idle shuttle.</summary>
    public bool IsNonBootProcessor => Kind == ServerKind.Processor && Index != 0;

    public static ServerStart ForMemoryBank(MemoryBankInfo bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        return new ServerStart(ServerKind.MemoryBank, bank.Index, bank, null, null, null);
    }

    public static ServerStart ForIoBank(IoBankInfo ioBank)
    {
        ArgumentNullException.ThrowIfNull(ioBank);
        return new ServerStart(ServerKind.IoBank, ioBank.Index, null, ioBank, null, null);
    }

    public static ServerStart ForDma(DmaInfo dma)
    {
        ArgumentNullException.ThrowIfNull(dma);
        return new ServerStart(ServerKind.Dma, dma.Index, null, null, dma, null);
    }

    public static ServerStart ForProcessor(ProcessorInfo processor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        return new ServerStart(ServerKind.Processor, processor.Index, null, null, null, processor);
    }

    /// <summary>
    /// The phase a server starts in. Processor 0 (the seed's <c>n_proc[0]</c>, the boot processor)
    /// is a hardware server; the others start last, as non-boot processors.
    /// </summary>
    public static BootPhase PhaseOf(ServerKind kind, int index) => kind switch
    {
        ServerKind.MemoryBank => BootPhase.MemoryBanks,
        ServerKind.Kvm => BootPhase.Kvm,
        ServerKind.RelocationTable => BootPhase.RelocationTable,
        ServerKind.Portal => BootPhase.Portal,
        ServerKind.IoBank or ServerKind.Dma => BootPhase.HardwareServers,
        ServerKind.Processor => index == 0 ? BootPhase.HardwareServers : BootPhase.NonBootProcessors,
        ServerKind.Shuttle or ServerKind.Dmm => BootPhase.AbstractServers,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a server kind"),
    };

    /// <summary>Whether <c>srvstart</c> calls <c>get_server_id</c> for a server of this kind (see the remarks).</summary>
    public static bool TakesServerIdFor(ServerKind kind) =>
        kind is not (ServerKind.Kvm or ServerKind.RelocationTable or ServerKind.Shuttle);

    /// <summary>The server as the guest prints it: "memory bank 0", "KVM", "I/O bank 3 (TTY)", ...</summary>
    public string Describe() => Kind switch
    {
        ServerKind.MemoryBank => $"memory bank {Index}",
        ServerKind.Kvm => "KVM",
        ServerKind.RelocationTable => "relocation table",
        ServerKind.Portal => "portal server",
        ServerKind.IoBank => $"I/O bank {Index} ({IoBankInfo!.Kind.ToString().ToUpperInvariant()})",
        ServerKind.Dma => $"DMA {Index}",
        ServerKind.Processor => $"processor {Index}",
        ServerKind.Shuttle => "shuttle server",
        ServerKind.Dmm => "DMM",
        _ => throw new InvalidOperationException($"unknown server kind {Kind}"),
    };

    /// <summary>As the object of a sentence: the singletons get "the" ("after the portal server").</summary>
    public string DescribeAsObject() => Kind switch
    {
        ServerKind.Kvm or ServerKind.RelocationTable or ServerKind.Portal or ServerKind.Shuttle or ServerKind.Dmm => "the " + Describe(),
        _ => Describe(),
    };

    public override string ToString() => Describe();
}
