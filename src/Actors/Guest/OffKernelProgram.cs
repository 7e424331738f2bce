using System.Globalization;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Display;
using ActorHyper.Hardware.Guest;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The Off++ kernel. On the boot core: spawns the node singleton, leaves its address in the node
/// directory, runs <c>srvstart</c> as the <see cref="SrvstartPlan"/> says (each server an actor sent its
/// Start without waiting for it to be up, one TTY line per server), wakes each other processor with the
/// kernel's address once it has called in from the boot loader (so no mailbox is written twice before
/// it is read), takes its own idle shuttle, and once the node says every processor idles,
/// prints the banner, writes the instance id to the hypervisor's Running mailbox and idles. On the
/// other cores: finds the node and asks it for the idle shuttle, then idles.
/// </summary>
public sealed class OffKernelProgram(GuestOptions options) : ICoreProgram
{
    private ICoreCpu? cpu;
    private ArchInfo? arch;
    private ProcessorInfo? processor;
    private KernelImageDescriptor? kernel;
    private MachineDependentInfo? info;
    private SrvstartPlan? plan;
    private ServerIdAllocator? ids;
    private IActorRef? node;
    private IActorRef? kvm;
    private ServerStart? waitingForRegion;
    private ulong tty;
    private ulong fb;
    private int next;
    private bool idle;

    private ICoreCpu Cpu => cpu ?? throw new InvalidOperationException("the kernel has not started");

    private ArchInfo Arch => arch ?? throw new InvalidOperationException("the kernel has not read the arch-info");

    private UnitId Unit => UnitId.Core(Cpu.Core);

    public void Run(ICoreCpu cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        this.cpu = cpu;
        GuestMemory.ReadArchInfo(cpu, read =>
        {
            arch = read;
            processor = GuestMemory.Processor(cpu, read);
            if (processor is null)
            {
                cpu.Fault($"the arch-info of instance {read.InstanceId} does not list core {cpu.Core}");
            }
            else if (processor.IsBoot)
            {
                GuestMemory.ReadKernelDescriptor(cpu, descriptor =>
                {
                    kernel = descriptor;
                    BootNode();
                });
            }
            else
            {
                GuestMemory.Read<NodeDirectory>(cpu, BootLayout.NodeDirectory, BootLayout.NodeDirectorySize, "node directory", directory =>
                {
                    node = directory.Node;
                    cpu.Tell(directory.Node, new RequestIdleShuttle(processor.Index));
                });
            }
        });
    }

    /// <summary>Idle in the shuttle: an interrupt is taken and the core idles again.</summary>
    public void OnInterrupt(ICoreCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        cpu.ReadMailbox(slot, _ => cpu.Wait());
    }

    public bool Receive(ICoreCpu cpu, object message)
    {
        switch (message)
        {
            case RegionCreated created when waitingForRegion is { } entry:
                waitingForRegion = null;
                if (created.Result.Region is not { } region)
                {
                    Cpu.Fault($"srvstart: no KVM region for the {entry.Describe()}: {created.Result.Refusal}");
                    return true;
                }
                Start(entry, region);
                return true;
            case IdleShuttleGranted granted:
                TookIdleShuttle(granted);
                return true;
            case AllProcessorsIdle:
                ReportRunning();
                return true;
            case LookForCallIn look:
                WakeWhenCalledIn(look.Processor, look.Looks);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The node singleton first, and its address where the other processors will look.</summary>
    private void BootNode()
    {
        var arch = Arch;
        info = MachineDependentInfo.From(arch);
        plan = SrvstartPlan.For(info, options.Dtlb, nonBootCpusFirst: options.Variant == ProtocolVariant.EarlyNonbootCpus);
        ids = new ServerIdAllocator(OffId.ForNode(arch.InstanceId));
        tty = arch.IoDevices.Where(device => device.Kind == DeviceKind.Tty).ElementAt(arch.BootstrapTty).Base.Raw;
        fb = arch.IoDevices.First(device => device.Kind == DeviceKind.Fbf).Base.Raw;
        // The boot's progress bar: empty now, a band in the instance's colour per server started. Posted, like the console lines.
        Cpu.FillFrame(fb, FrameGeometry.EmptyBar);
        // The node reports to the boot core's software port (Self), not to the core's actor.
        Cpu.Spawn(OffNodeActor.Props(arch.InstanceId, Unit, info.Processors.Count, Cpu.Self), "off-node", spawned =>
        {
            node = spawned;
            Cpu.Store(BootLayout.NodeDirectory.Raw, BootLayout.NodeDirectorySize, new Hardware.Memory.DataRecord(new NodeDirectory(arch.InstanceId, spawned)),
                () =>
                {
                    // off_MBank::set_core(n_mdep.get_minfo(0)): static bank setup before any bank starts.
                    Cpu.Log.Debug("Off++ node {InstanceId}: set_core({Bank})", arch.InstanceId, plan.SetCore.Base);
                    StartNext();
                });
        });
    }

    /// <summary>srvstart, one server after the other, in the plan's order.</summary>
    private void StartNext()
    {
        var starts = plan!.Starts;
        if (next == starts.Count)
        {
            Cpu.Publish(new SrvstartFinished(Cpu.Now, Unit, Arch.InstanceId, plan));
            WakeOthers();
            return;
        }
        var entry = starts[next++];
        switch (entry.Kind)
        {
            case ServerKind.Kvm:
                Start(entry, new KvmSetup(info!.MemoryBanks[^1], KernelMemory.KvmStart(info, kernel!), options.Dtlb));
                break;
            case ServerKind.RelocationTable:
                // off_RelocTbl::start(kvm.create_region()): the region first.
                waitingForRegion = entry;
                Cpu.Tell(kvm!, new CreateRegion(KvmAllocator.DefaultRegionSize));
                break;
            case ServerKind.Shuttle:
                Start(entry, new ShuttleSetup(kvm!, info!.Processors.Count));
                break;
            default:
                Start(entry, null);
                break;
        }
    }

    /// <summary>Spawns the server and sends it its Start (not waiting for it to be up), prints its line, and goes on.</summary>
    private void Start(ServerStart entry, object? setup)
    {
        OffId? id = null;
        if (entry.TakesServerId)
        {
            var taken = ids!.GetServerId();
            id = taken;
            Cpu.Publish(new ServerIdTaken(Cpu.Now, Unit, Arch.InstanceId, taken, processor!.Index, processor.IsBoot));
        }
        Cpu.Spawn(GuestServerActor.For(entry), ActorName(entry), server =>
        {
            if (entry.Kind == ServerKind.Kvm)
            {
                kvm = server;
            }
            Cpu.Tell(server, new StartServer(entry, id, node!, setup));
            Cpu.Publish(new GuestServerStarted(Cpu.Now, Unit, Arch.InstanceId, entry, id, processor!.Index));
            // A console write is posted: the lines still reach the TTY in order (one HAT, one TTY, each in order).
            Cpu.WriteTty(tty, Line(entry, id));
            Cpu.FillFrame(fb, FrameGeometry.Band(next - 1, plan!.Starts.Count, InstanceColors.Of(Arch.InstanceId)));
            StartNext();
        });
    }

    /// <summary>The line the guest prints for a started server.</summary>
    public static string Line(ServerStart entry, OffId? id)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return id is { } given ? $"off: {entry.Describe()} started, id {given}" : $"off: {entry.Describe()} started";
    }

    /// <summary>The banner that ends the boot.</summary>
    public static string Banner(ArchInfo arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var mebibytes = arch.Clusters.Sum(cluster => cluster.RamSize) / (1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"off: node {arch.InstanceId} up: {arch.CpuCount} cores, {arch.Clusters.Count} clusters, {mebibytes} MiB");
    }

    private static string ActorName(ServerStart entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.Kind.ToString().ToLowerInvariant()}-{entry.Index}");

    /// <summary>
    /// After the processor loop (no shuttle exists while ids are taken): wake processors 1.. with the
    /// kernel's address, each once it has called in, and take the boot core's own idle shuttle.
    /// </summary>
    private void WakeOthers()
    {
        foreach (var other in info!.Processors.Where(p => !p.IsBoot))
        {
            WakeWhenCalledIn(other.Index, 0);
        }
        Cpu.Tell(node!, new RequestIdleShuttle(processor!.Index));
    }

    /// <summary>
    /// The IPI that brought a processor to the boot loader may still be unread: a wake-up written now
    /// would overwrite it. So read its call-in first, and look again a little later while it is not there.
    /// A processor that has not called in after <see cref="CallInLooks"/> looks never will (its IPI
    /// was lost): the boot core faults, naming it, and the instance fails instead of spinning forever.
    /// </summary>
    private void WakeWhenCalledIn(int index, int looksBefore)
    {
        var other = info!.Processors[index];
        Cpu.Load(BootLayout.CallIn(index).Raw, BootLayout.CallInSize, regions =>
        {
            var looks = looksBefore + 1;
            if (regions.Select(region => region.Content).OfType<Hardware.Memory.DataRecord>().Any(record => record.Data is CallIn))
            {
                var mailbox = new Hardware.Addressing.InstanceAddress(other.InstanceCluster, Hardware.Addressing.SegmentMap.XicuSlotOffset(other.LocalIndex));
                Cpu.WriteMailbox(mailbox.Raw, checked((uint)kernel!.Entry.Raw));
            }
            else if (looks >= CallInLooks)
            {
                Cpu.Fault($"processor {index} never called in ({looks:N0} looks, {CallInPollInterval.TotalMicroseconds:N0} µs apart): " +
                          "the IPI that starts its boot loader did not arrive");
            }
            else
            {
                Cpu.After(CallInPollInterval, new LookForCallIn(index, looks));
            }
        });
    }

    /// <summary>How long the boot core waits before it reads a missing call-in again (a spin loop's pause).</summary>
    private static readonly TimeSpan CallInPollInterval = TimeSpan.FromMicroseconds(10);

    /// <summary>
    /// Looks at a missing call-in before the boot core gives up: at least 100 ms of spinning. Only a
    /// lost IPI keeps a processor away this long: with the limit at 500, 900 schedules of the full
    /// machine (random, PCT and POS, 300 each) never gave up on one.
    /// </summary>
    public const int CallInLooks = 10_000;

    /// <summary>Look at processor <paramref name="Processor"/>'s call-in again: <paramref name="Looks"/> looks found none.</summary>
    private sealed record LookForCallIn(int Processor, int Looks);

    private void TookIdleShuttle(IdleShuttleGranted granted)
    {
        if (idle)
        {
            return;
        }
        idle = true;
        Cpu.Publish(new IdleShuttleTaken(Cpu.Now, Unit, Arch.InstanceId, granted.Processor));
        Cpu.Tell(node!, new ProcessorIdle(granted.Processor));
        if (!processor!.IsBoot)
        {
            Cpu.Wait();
        }
    }

    /// <summary>Every processor idles: the banner, then the Running mailbox (through the HAT's device window), then idle.</summary>
    private void ReportRunning()
    {
        var arch = Arch;
        Cpu.WriteTty(tty, Banner(arch), () =>
        {
            // Published as the guest reports itself up, before the write: the hypervisor may mark it
            // Running before the write's acknowledgement is back, and that is no breach of the rule.
            Cpu.Publish(new GuestRunning(Cpu.Now, Unit, arch.InstanceId));
            Cpu.WriteMailbox(arch.RunningMailbox.Raw, checked((uint)arch.InstanceId), Cpu.Wait);
        });
    }
}
