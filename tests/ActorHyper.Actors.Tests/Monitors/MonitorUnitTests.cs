using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Monitors;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;
using Akka.Actor;
using static ActorHyper.Actors.Tests.Monitors.Facts;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>Each monitor, fed a hand-made bad sequence, fails with the machine's words; the good sequence next to it passes.</summary>
public sealed class MonitorUnitTests
{
    private static readonly Allocation Six = Allocation(6, 0, C(0, 1), C(0, 2));
    private static readonly Allocation Two = Allocation(2, 1, C(0, 2), C(0, 3), C(1, 0));
    private static readonly UnitId Iopic = new(UnitKind.Iopic, Spec.IoCluster);

    [Fact]
    public void Single_owner_fails_when_a_live_instances_cluster_is_allocated_again_and_not_after_its_release()
    {
        var message = Violation(new SingleOwnerMonitor(), Allocated(Six), Allocated(Two));
        Assert.Contains("instance 2 took cluster (0,2), still held by live instance 6", message, StringComparison.Ordinal);
        Assert.Contains("TTY channel 0, still held by live instance 6", Violation(new SingleOwnerMonitor(), Allocated(Six), Allocated(Allocation(3, 0, C(3, 3)))), StringComparison.Ordinal);
        NoViolation(new SingleOwnerMonitor(), Allocated(Six), Released(Six), Allocated(Two));
    }

    [Fact]
    public void Fb_matches_tty_fails_on_a_frame_buffer_of_another_index()
    {
        var odd = Six with { FbChannel = 3 };
        Assert.Contains("instance 6 got FB channel 3 with TTY channel 0", Violation(new FbMatchesTtyMonitor(), Allocated(odd)), StringComparison.Ordinal);
        NoViolation(new FbMatchesTtyMonitor(), Allocated(Six));
    }

    [Fact]
    public void Hat_configured_first_fails_on_an_activation_or_a_wake_up_before_the_configuration()
    {
        var hat = UnitId.CoreHat(Core(0, 1, 0));
        var monitor = new HatConfiguredBeforeActivationMonitor(Spec);
        Assert.Contains("the HAT of core P0 (0,1) was activated before it was configured",
            Violation(monitor, new HatActivated(At, hat, Table(Six))), StringComparison.Ordinal);
        Assert.Contains("activated before it was configured: it refused",
            Violation(monitor, new HatRefused(At, UnitId.DmaHat(C(0, 2)), HatOperation.Activate, "the HAT was activated before it was configured")), StringComparison.Ordinal);
        var handOff = new IpiSent(At, new XicuTarget(C(0, 1), 0), HatActivationProgram.HandOffValue, Shell, Overwrote: false);
        Assert.Contains("sent the hand-off IPI to core P0 (0,1) of instance 6 while its HAT was not configured",
            Violation(monitor, Allocated(Six), handOff), StringComparison.Ordinal);
        NoViolation(monitor, Allocated(Six), new HatConfigured(At, hat, Table(Six)), handOff, new HatActivated(At, hat, Table(Six)));
    }

    [Fact]
    public void Code_in_place_fails_when_the_instance_copy_of_the_hat_code_is_not_at_the_fetched_offset()
    {
        var hatCode = new CodeBlock(CodeIdentity.HatActivation);
        var inHypervisor = new MachineAddress(MachineSpec.HypervisorCluster, BootLayout.HatCodeOffset);
        var fetched = new CodeFetched(At, Core(0, 1, 0), TaggedAddress.Machine(inHypervisor), inHypervisor,
            new FetchResult(FetchOutcome.AtEntry, inHypervisor.Offset, CodeIdentity.HatActivation, hatCode, 0));
        MemoryCopied Copy(MachineAddress to, MemoryContent content, uint length) =>
            new(At, to, to, length, new[] { new MemoryRegion(to.Offset, length, content) }.ToValueList(), Shell);
        var hypervisorCopy = Copy(inHypervisor, hatCode, BootLayout.HatCodeSize);
        var shifted = Copy(new MachineAddress(C(0, 1), BootLayout.HatCodeOffset + 0x4_0000), hatCode, BootLayout.HatCodeSize);
        var message = Violation(new CodeInPlaceMonitor(), Allocated(Six), hypervisorCopy, shifted, fetched);
        Assert.Contains("core P0 (0,1) of instance 6 entered the HAT activation code, but the HAT activation code the core runs from (0,0):0x00100000 " +
                        "has no copy at the same offset in the instance's cluster 0 ((0,1):0x00100000)", message, StringComparison.Ordinal);

        var missing = new CodeFetched(At, Core(0, 1, 0), TaggedAddress.Instance(BootLayout.BootLoader), new MachineAddress(C(0, 1), BootLayout.BootLoaderOffset),
            new FetchResult(FetchOutcome.NoCode, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader, null, 0));
        Assert.Contains("fetched the boot loader at", Violation(new CodeInPlaceMonitor(), Allocated(Six), missing), StringComparison.Ordinal);
    }

    [Fact]
    public void Translation_isolation_fails_on_an_active_hat_translating_into_the_hypervisor_cluster()
    {
        var hat = UnitId.CoreHat(Core(0, 1, 2));
        Delivery Translation(ulong issued, MachineAddress landed) =>
            new(1, At, "/user/machine/c-0-1/core-2", "/user/machine/c-0-1/hat-2",
                new Translated(1, new TaggedAddress(AddressSpace.Instance, issued), TranslationResult.To(landed)), ActorRefs.Nobody, false);
        var intoHypervisor = Translation(0x00_0000_1000, new MachineAddress(MachineSpec.HypervisorCluster, 0x1000));
        var message = Violation(new TranslationIsolationMonitor(), new HatActivated(At, hat, Table(Six)), intoHypervisor);
        Assert.Contains("the HAT of core P2 (0,1) of instance 6 translated 0x0000001000 to (0,0):0x00001000", message, StringComparison.Ordinal);
        NoViolation(new TranslationIsolationMonitor(), new HatActivated(At, hat, Table(Six)), Translation(0x01_0000_1000, new MachineAddress(C(0, 2), 0x1000)));
    }

    [Fact]
    public void Hat_before_ipi_fails_on_an_instance_core_writing_a_mailbox_of_its_instance_with_its_hat_off()
    {
        var ipi = new IpiSent(At, new XicuTarget(C(0, 2), 1), 0x0030_0000, UnitId.Core(Core(0, 1, 0)), Overwrote: false);
        Assert.Contains("core P0 (0,1) of instance 6 sent 0x00300000 to (0,2) slot 1 before it activated its HAT",
            Violation(new HatBeforeIpiMonitor(), Allocated(Six), ipi), StringComparison.Ordinal);
        NoViolation(new HatBeforeIpiMonitor(), Allocated(Six), new HatActivated(At, UnitId.CoreHat(Core(0, 1, 0)), Table(Six)), ipi);
    }

    [Fact]
    public void Mailbox_overwrite_fails_on_a_second_write_before_the_read()
    {
        var overwritten = new MailboxOverwritten(At, new XicuTarget(C(0, 1), 2), 0x0030_0000, 0x0040_0000, UnitId.Core(Core(0, 1, 0)));
        Assert.Contains("XICU mailbox (0,1) slot 2 written twice before it was read", Violation(new MailboxOverwriteMonitor(), overwritten), StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_before_hand_off_fails_on_a_hand_off_before_the_routes_and_on_an_interrupt_no_route_carries()
    {
        var layout = XicuLayout.For(Spec);
        var handOff = new IpiSent(At, new XicuTarget(C(0, 1), 0), HatActivationProgram.HandOffValue, Shell, Overwrote: false);
        Assert.Contains("the hypervisor sent instance 6's hand-off IPI to (0,1) slot 0 before the route",
            Violation(new RoutesBeforeHandOffMonitor(Spec), Allocated(Six), handOff), StringComparison.Ordinal);
        var routes = IopicTable.InstanceRoutes(Six, layout);
        var inPlace = routes.SelectMany(route => new object[]
        {
            new InterruptRouted(At, Iopic, route),
            new XicuMaskChanged(At, route.Target.Cluster, 0, route.Target.Slot, true),
        });
        NoViolation(new RoutesBeforeHandOffMonitor(Spec), [Allocated(Six), .. inPlace, handOff]);
        var dropped = new InterruptRaised(At, Iopic, IrqSource.Ioc(6), null, 1);
        Assert.Contains("raised 0x00000001 and no route carries it", Violation(new RoutesBeforeHandOffMonitor(Spec), dropped), StringComparison.Ordinal);
    }

    [Fact]
    public void Ioc_before_kernel_fails_when_the_boot_core_enters_the_kernel_before_taking_its_ioc_completion()
    {
        var layout = XicuLayout.For(Spec);
        var boot = Core(0, 1, 0);
        var kernel = new MachineAddress(C(0, 1), BootLayout.KernelLoadOffset);
        var entered = new CodeFetched(At, boot, TaggedAddress.Instance(new InstanceAddress(0, BootLayout.KernelLoadOffset)), kernel,
            new FetchResult(FetchOutcome.AtEntry, kernel.Offset, CodeIdentity.GuestKernel, new CodeBlock(CodeIdentity.GuestKernel), 0));
        Assert.Contains("boot core P0 (0,1) of instance 6 entered the kernel", Violation(new IocCompletionBeforeKernelMonitor(Spec), Allocated(Six), entered), StringComparison.Ordinal);
        var completion = new IpiTaken(At, new XicuTarget(C(0, 1), layout.IocSlot), 6, WasPending: true, UnitId.Core(boot));
        NoViolation(new IocCompletionBeforeKernelMonitor(Spec), Allocated(Six), completion, entered);
    }

    [Fact]
    public void Pooled_cluster_fails_on_a_cluster_returned_with_a_hat_on_ram_written_or_a_core_not_waiting()
    {
        var monitor = new PooledClusterMonitor(Spec);
        Assert.Contains("cluster (0,2) went back to the pool after instance 6 with the DMA HAT (0,2) still Active",
            Violation(monitor, new HatActivated(At, UnitId.DmaHat(C(0, 2)), Table(Six)), Released(Six)), StringComparison.Ordinal);
        var note = new MemoryWritten(At, new MachineAddress(C(0, 1), 0x10), 4, new[] { new MemoryRegion(0x10, 4, new DataRecord(new CoreAssignment(6))) }.ToValueList(), Shell);
        Assert.Contains("cluster (0,1) went back to the pool after instance 6 with its RAM not empty", Violation(monitor, note, Released(Six)), StringComparison.Ordinal);
        NoViolation(monitor, note, new MemoryCleared(At, new MachineAddress(C(0, 1), 0), (uint)Spec.RamPerCluster, Shell), Released(Six));
        var busy = new CoreStatusChanged(At, Core(0, 1, 3), CoreStatus.Waiting, CoreStatus.RunningHypervisor);
        Assert.Contains("with core P3 (0,1)", Violation(monitor, busy, Released(Six)), StringComparison.Ordinal);
    }

    [Fact]
    public void Pooled_cluster_reads_the_memory_image_the_code_in_place_monitor_keeps()
    {
        var code = new CodeInPlaceMonitor();
        var pooled = new PooledClusterMonitor(Spec, code.Memory);
        code.OnRunStart();
        pooled.OnRunStart();
        var note = new MemoryWritten(At, new MachineAddress(C(0, 1), 0x10), 4, new[] { new MemoryRegion(0x10, 4, new DataRecord(new CoreAssignment(6))) }.ToValueList(), Shell);
        foreach (var published in new object[] { Allocated(Six), note })
        {
            Show(code, published);
            Show(pooled, published);
        }

        // Seen only through the image the other monitor keeps: the pooled monitor does not record memory itself.
        var message = Assert.Throws<MonitorViolationException>(() => Show(pooled, Released(Six))).Message;
        Assert.Contains("cluster (0,1) went back to the pool after instance 6 with its RAM not empty", message, StringComparison.Ordinal);
        code.OnRunStart();
        pooled.OnRunStart();
        Show(pooled, note);
        Show(pooled, Released(Six));
    }

    [Fact]
    public void Liveness_fails_at_the_end_on_an_unsettled_instance_a_lost_wake_up_and_an_unanswered_command()
    {
        var monitor = new LivenessMonitor(Spec);
        monitor.OnRunStart();
        Show(monitor, new InstanceStateChanged(At, Shell, 6, InstanceState.Starting, InstanceState.Booting));
        Show(monitor, new InstanceStateChanged(At, Shell, 2, InstanceState.Booting, InstanceState.Running));
        Show(monitor, new CoreStatusChanged(At, Core(0, 1, 1), CoreStatus.RunningHypervisor, CoreStatus.Waiting));
        Show(monitor, new IpiSent(At, new XicuTarget(C(0, 1), 1), 0x0040_0000, UnitId.Core(Core(0, 1, 0)), Overwrote: false));
        Show(monitor, new Delivery(7, At, "/user/machine/c-0-0/core-0", "/temp/a", new ShellInput("wait -i 6"), ActorRefs.Nobody, false));
        Show(monitor, new Delivery(8, At, "/user/machine/c-0-0/core-0", "/temp/b", new ShellInput("ps"), ActorRefs.Nobody, false));
        Show(monitor, new ShellAnswered(At, Shell, "ps", true));
        var message = Assert.Throws<MonitorViolationException>(() => monitor.OnRunEnd(RunOutcome.StepLimitReached)).Message;
        Assert.Contains("instance 6 is still Booting, neither Running nor Failed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("instance 2", message, StringComparison.Ordinal);
        Assert.Contains("core P1 (0,1) waits, but 0x00400000 written to (0,1) slot 1 by core P0 (0,1)", message, StringComparison.Ordinal);
        Assert.Contains("the shell never answered 'wait -i 6' (typed at step 7)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("'ps'", message, StringComparison.Ordinal);
    }
}
