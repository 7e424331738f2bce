using ActorHyper.Hardware.Boot;

namespace ActorHyper.Hardware.Guest;

/// <summary>
/// What Off++ <c>srvstart</c> does on the boot core, as data: first <c>set_core</c> with bank 0's
/// info (<see cref="SetCore"/>), then <see cref="Starts"/> in order. The boot core's kernel program
/// walks it; <see cref="BootOrderChecker"/> checks what really happened against the same rules.
/// </summary>
public sealed record SrvstartPlan
{
    private SrvstartPlan(MemoryBankInfo setCore, ValueList<ServerStart> starts, bool dtlb)
    {
        SetCore = setCore;
        Starts = starts;
        Dtlb = dtlb;
    }

    /// <summary><c>off_MBank::set_core(n_mdep.get_minfo(0))</c>: static bank setup before any bank starts.</summary>
    public MemoryBankInfo SetCore { get; }

    public ValueList<ServerStart> Starts { get; }

    /// <summary>The DTLB option (<c>n_opts-&gt;usedmm()</c>): the KVM is told, and the DMM starts only with it.</summary>
    public bool Dtlb { get; }

    /// <summary>How many times the plan calls <c>get_server_id</c>.</summary>
    public int ServerIdCount => Starts.Count(start => start.TakesServerId);

    /// <summary>
    /// The seed's order: each memory bank; the KVM; the relocation table; the portal server; the
    /// hardware servers (each I/O bank, each DMA, processor 0); the abstract servers (the shuttle
    /// server, the DMM only with <paramref name="dtlb"/>); processors 1..n-1. The portal, DMA,
    /// shuttle and DMM starts the seed leaves under <c>XXX fix this</c> are built for real.
    /// <paramref name="nonBootCpusFirst"/> is the early-nonboot-cpus protocol variant (deliberately
    /// wrong): processors 1..n-1 start right after processor 0, before the abstract servers.
    /// </summary>
    public static SrvstartPlan For(MachineDependentInfo info, bool dtlb, bool nonBootCpusFirst = false)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.MemoryBanks.Count == 0)
        {
            throw new ArgumentException("srvstart needs at least one memory bank (set_core uses bank 0)");
        }
        if (info.Processors.Count == 0)
        {
            throw new ArgumentException("srvstart needs at least one processor (the boot processor)");
        }
        if (!info.Processors[0].IsBoot)
        {
            throw new ArgumentException("srvstart starts processor 0 as the boot processor, but processor 0 is not the boot processor");
        }

        var starts = new List<ServerStart>();
        starts.AddRange(info.MemoryBanks.Select(ServerStart.ForMemoryBank));
        starts.Add(ServerStart.Kvm);
        starts.Add(ServerStart.RelocationTable);
        starts.Add(ServerStart.PortalServer);
        starts.AddRange(info.IoBanks.Select(ServerStart.ForIoBank));
        starts.AddRange(info.Dmas.Select(ServerStart.ForDma));
        starts.Add(ServerStart.ForProcessor(info.Processors[0]));
        if (nonBootCpusFirst)
        {
            // VARIANT early-nonboot-cpus: the other processors before the shuttle server they must wait for.
            starts.AddRange(info.Processors.Skip(1).Select(ServerStart.ForProcessor));
        }
        starts.Add(ServerStart.ShuttleServer);
        if (dtlb)
        {
            starts.Add(ServerStart.Dmm);
        }
        if (!nonBootCpusFirst)
        {
            starts.AddRange(info.Processors.Skip(1).Select(ServerStart.ForProcessor));
        }
        return new SrvstartPlan(info.MemoryBanks[0], starts.ToValueList(), dtlb);
    }

    public override string ToString() =>
        $"srvstart: set_core({SetCore.Base}), {Starts.Count} servers, {ServerIdCount} server ids, DTLB {(Dtlb ? "on" : "off")}";
}
