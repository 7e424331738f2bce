using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

public sealed class DmaAndInterruptTests
{
    private const int InstanceId = 3;

    private static readonly MachineSpec Spec = MachineSpec.Tsar4x4;

    private static readonly ClusterId Cluster5 = Spec.Clusters().ElementAt(5);

    private static readonly ClusterId DmaCluster = new(2, 0);

    private static readonly Allocation Instance = new(InstanceId, ValueList.Of(Cluster5), InstanceId, InstanceId, InstanceId);

    private static void ActivateDmaHat(TestMachine machine)
    {
        var hat = machine.Directory.DmaHat(DmaCluster);
        Assert.True(machine.Ask<HatOperationDone>(hat, new ConfigureHat(1, HatConfiguration.For(Spec, Instance))).Outcome.IsSuccess);
        Assert.True(machine.Ask<HatOperationDone>(hat, new ActivateHat(2)).Outcome.IsSuccess);
    }

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task A_DMA_through_its_HAT_lands_the_kernel_in_the_translated_cluster_and_raises_the_routed_interrupt(ExecutionMode mode)
    {
        await using var machine = TestMachine.Started(mode, Spec);
        var raised = machine.Events<InterruptRaised>();
        var completed = machine.Events<DmaCompleted>();
        var sent = machine.Events<IpiSent>();
        ActivateDmaHat(machine);
        var routes = IopicTable.InstanceRoutes(Instance, machine.Directory.Layout);
        var routed = machine.Ask<IopicRoutesChanged>(machine.Directory.Iopic, new AddRoutes(1, routes));
        Assert.True(routed.Outcome.IsSuccess);
        var kernel = machine.Ask<DiskImageInfo>(machine.Directory.Ioc, new GetDiskImage(2, InstanceId)).Image.Kernel;

        var done = machine.Ask<DmaTransferDone>(machine.Directory.Dma(DmaCluster), new StartDma(3,
            new DmaFromDisk(DeviceWindow.IocChannel(InstanceId).Raw, kernel.FirstBlock), kernel.LoadAddress.Raw, kernel.Size, UnitId.External));

        Assert.Equal(new MachineAddress(Cluster5, BootLayout.KernelLoadOffset), done.Destination);
        var landed = machine.Ask<MemoryContents>(machine.Directory.Memory(Cluster5), new ReadMemory(4, BootLayout.KernelLoadOffset, kernel.Size));
        Assert.Equal(new MemoryRegion(BootLayout.KernelLoadOffset, kernel.Size, new CodeBlock(CodeIdentity.GuestKernel)), Assert.Single(landed.Pieces));
        var elsewhere = machine.Ask<MemoryContents>(machine.Directory.Memory(MachineSpec.HypervisorCluster), new ReadMemory(5, BootLayout.KernelLoadOffset, kernel.Size));
        Assert.Empty(elsewhere.Pieces);
        Assert.Equal(new MachineAddress(Cluster5, BootLayout.KernelLoadOffset), completed.Expect<DmaCompleted>().Destination);

        var interrupt = raised.Expect<InterruptRaised>();
        var slot = new XicuTarget(Cluster5, machine.Directory.Layout.IocSlot);
        Assert.Equal(IrqSource.Ioc(InstanceId), interrupt.Source);
        Assert.Equal(slot, interrupt.Target);
        Assert.Equal(kernel.Size, interrupt.Value);
        var written = sent.FishFor<IpiSent>(e => e.Mailbox == slot);
        Assert.Equal(new UnitId(UnitKind.Iopic, Spec.IoCluster), written.Writer);
        var xicu = machine.Ask<XicuSnapshot>(machine.Directory.Xicu(Cluster5), GetXicuState.Instance);
        Assert.Contains(new XicuReadResult(slot.Slot, kernel.Size, true), xicu.Pending);
    }

    [Fact]
    public async Task A_DMA_may_reach_only_its_instance_s_own_IOC_channel()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var faults = machine.Events<DmaFaulted>();
        ActivateDmaHat(machine);
        var failed = machine.Ask<DmaTransferFailed>(machine.Directory.Dma(DmaCluster), new StartDma(3,
            new DmaFromDisk(DeviceWindow.IocChannel(InstanceId + 1).Raw, 0), BootLayout.KernelLoad.Raw, 0x1000, UnitId.External));
        Assert.Equal(3, failed.Tag);
        Assert.Equal($"translation fault: IOC channel {InstanceId + 1} belongs to another instance (this instance has IOC channel {InstanceId})",
            failed.Fault.Reason);
        Assert.Equal(failed.Fault, faults.Expect<DmaFaulted>().Fault);
        var untouched = machine.Ask<MemoryContents>(machine.Directory.Memory(Cluster5), new ReadMemory(4, BootLayout.KernelLoadOffset, 0x1000));
        Assert.Empty(untouched.Pieces);
    }

    [Fact]
    public async Task A_DMA_transfer_with_no_route_lands_but_its_interrupt_is_dropped()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var raised = machine.Events<InterruptRaised>();
        var sent = machine.Events<IpiSent>();
        ActivateDmaHat(machine);
        machine.Ask<DmaTransferDone>(machine.Directory.Dma(DmaCluster), new StartDma(3,
            new DmaFromDisk(DeviceWindow.IocChannel(InstanceId).Raw, 0), BootLayout.KernelLoad.Raw, 0x1000, UnitId.External));
        var dropped = raised.Expect<InterruptRaised>();
        Assert.Null(dropped.Target);
        machine.Settle();
        sent.ExpectNone(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_memory_to_memory_DMA_with_its_HAT_off_copies_by_machine_address_and_signals_its_own_slot()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var sent = machine.Events<IpiSent>();
        machine.PlaceCode(new ClusterId(3, 3), 0x0010_0000, CodeIdentity.BootLoader, 0x4000);
        var done = machine.Ask<DmaTransferDone>(machine.Directory.Dma(DmaCluster), new StartDma(9,
            new DmaFromMemory(new MachineAddress(new ClusterId(3, 3), 0x0010_0000).Raw),
            new MachineAddress(new ClusterId(3, 2), 0x0020_0000).Raw, 0x4000, UnitId.External));
        Assert.Equal(new MachineAddress(new ClusterId(3, 2), 0x0020_0000), done.Destination);
        var copy = machine.Ask<MemoryContents>(machine.Directory.Memory(new ClusterId(3, 2)), new ReadMemory(1, 0x0020_0000, 0x4000));
        Assert.Equal(new MemoryRegion(0x0020_0000, 0x4000, new CodeBlock(CodeIdentity.BootLoader)), Assert.Single(copy.Pieces));
        var completion = sent.Expect<IpiSent>();
        Assert.Equal(new XicuTarget(DmaCluster, machine.Directory.Layout.DmaSlot), completion.Mailbox);
        Assert.Equal(UnitId.Dma(DmaCluster), completion.Writer);
    }

    [Fact]
    public async Task Transfers_asked_together_run_one_after_the_other_in_order()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var completed = machine.Events<DmaCompleted>();
        var dma = machine.Directory.Dma(DmaCluster);
        for (var i = 0; i < 3; i++)
        {
            machine.Probe.Send(dma, new StartDma(i, new DmaFromMemory(machine.Directory.Map.Rom(RomImage.BootLoader.Offset).Raw),
                new MachineAddress(new ClusterId(1, 2), (uint)(i + 1) * 0x10_0000).Raw, RomImage.BootLoader.Length, UnitId.External));
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(i, machine.Probe.Expect<DmaTransferDone>().Tag);
            Assert.Equal((uint)(i + 1) * 0x10_0000, completed.Expect<DmaCompleted>().Destination.Offset);
        }
    }

    [Fact]
    public async Task The_IOPIC_refuses_a_second_route_to_the_same_mailbox_and_removes_an_instance_s_routes()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var unrouted = machine.Events<InterruptUnrouted>();
        var iopic = machine.Directory.Iopic;
        var routes = IopicTable.InstanceRoutes(Instance, machine.Directory.Layout);
        Assert.True(machine.Ask<IopicRoutesChanged>(iopic, new AddRoutes(1, routes)).Outcome.IsSuccess);
        var clash = machine.Ask<IopicRoutesChanged>(iopic, new AddRoutes(2, ValueList.Of(new IopicRoute(IrqSource.Ioc(7), routes[0].Target))));
        Assert.False(clash.Outcome.IsSuccess);
        Assert.Equal(0, clash.Count);
        Assert.Equal(routes, machine.Ask<IopicRoutes>(iopic, GetRoutes.Instance).Routes);
        var removed = machine.Ask<IopicRoutesChanged>(iopic, new RemoveRoutes(3, Instance.Channels));
        Assert.Equal(routes.Count, removed.Count);
        Assert.Empty(machine.Ask<IopicRoutes>(iopic, GetRoutes.Instance).Routes);
        Assert.Equal(routes[0], unrouted.Expect<InterruptUnrouted>().Route);
    }

    [Fact]
    public async Task A_routed_device_interrupt_wakes_the_boot_core_of_the_instance_once_enabled_into_its_line()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var statuses = machine.Events<CoreStatusChanged>();
        var routes = IopicTable.InstanceRoutes(Instance, machine.Directory.Layout);
        machine.Ask<IopicRoutesChanged>(machine.Directory.Iopic, new AddRoutes(1, routes));
        var ttySlot = machine.Directory.Layout.TtySlot(0);
        machine.Ask<MaskSet>(machine.Directory.Xicu(Cluster5), new SetMask(2, 0, ttySlot, Enabled: true));
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        TestMachine.Post(machine.Directory.Iopic, new DeviceInterrupt(IrqSource.Tty(InstanceId, 0), BootLayout.BootLoaderOffset));
        var boot = new Machine.CoreId(Cluster5, 0);
        var woken = TestMachine.NextStatus(statuses, boot, status => status.State == CoreState.Executing);
        Assert.Equal(CodeIdentity.BootLoader, woken.Status.Code);
    }
}
