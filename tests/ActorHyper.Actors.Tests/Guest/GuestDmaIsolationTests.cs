using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Translation;
using Akka.TestKit;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// A DMA engine the guest programs is no way around its HAT: the engine translates both ends through
/// its DMA HAT, which the hypervisor configured for the instance and turned on. A transfer that would
/// read or write the hypervisor's cluster is refused by that HAT (or lands on no RAM) and fails with the
/// reason, handed back to the guest; nothing is written in the hypervisor cluster.
/// </summary>
public sealed class GuestDmaIsolationTests
{
    private static readonly MachineSpec Spec = MachineSpec.Tsar4x4;

    private static readonly XicuLayout Layout = XicuLayout.For(Spec);

    private static readonly int RunningSlot = Layout.RunningSlot(PlantedGuest.InstanceId);

    /// <summary>The instance's own DMA engine, as the guest addresses it: instance cluster 0's DMA segment.</summary>
    private static readonly InstanceAddress OwnDma = new(0, SegmentMap.DmaBase);

    private static readonly InstanceAddress Scratch = new(0, PlantedGuest.Scratch);

    private static readonly DmaSource ArchInfo = new DmaFromMemory(BootLayout.ArchInfo.Raw);

    /// <summary>Each transfer: its source, its destination, and where and why the DMA refuses it.</summary>
    private static (DmaSource Source, InstanceAddress Destination, InstanceAddress At, string Reason) Case(string name) => name switch
    {
        "write outside the instance" => (ArchInfo, new InstanceAddress(1, BootLayout.CoreAssignmentsOffset),
            new InstanceAddress(1, BootLayout.CoreAssignmentsOffset), "translation fault: instance cluster 1 is outside the instance (1 cluster)"),
        "write the hypervisor's RAM through the device window" => (ArchInfo, DeviceWindow.At(BootLayout.CoreAssignmentsOffset),
            DeviceWindow.At(BootLayout.CoreAssignmentsOffset), "translation fault: offset 0x00010000 of the device window holds no device"),
        "write the hypervisor's XICU through the Running mailbox" => (ArchInfo, DeviceWindow.HypervisorMailbox(RunningSlot),
            DeviceWindow.HypervisorMailbox(RunningSlot),
            $"the DMA writes only to RAM, not to the {new AddressMap(Spec).Decode(new MachineAddress(MachineSpec.HypervisorCluster, SegmentMap.XicuSlotOffset(RunningSlot)))}"),
        "read the boot ROM through the device window" => (new DmaFromMemory(DeviceWindow.At(SegmentMap.RomBase).Raw), Scratch,
            DeviceWindow.At(SegmentMap.RomBase), "translation fault: the boot ROM is not in the instance's device window"),
        "read the boot ROM at its machine address" => (new DmaFromMemory(new MachineAddress(Spec.IoCluster, SegmentMap.RomBase).Raw), Scratch,
            new InstanceAddress(0, SegmentMap.RomBase),
            "translation fault: offset 0xBFC00000 is the boot ROM segment, reachable only through the device window (instance cluster 255)"),
        "read outside the instance" => (new DmaFromMemory(new InstanceAddress(3, BootLayout.CoreAssignmentsOffset).Raw), Scratch,
            new InstanceAddress(3, BootLayout.CoreAssignmentsOffset), "translation fault: instance cluster 3 is outside the instance (1 cluster)"),
        _ => throw new ArgumentException($"no case '{name}'", nameof(name)),
    };

    /// <summary>A guest that programs its DMA with one transfer and tells <paramref name="reports"/> the engine's answer.</summary>
    private static MachineOptions Transfer(Func<TestProbe> reports, DmaSource source, InstanceAddress destination) =>
        PlantedGuest.Running((cpu, _) => cpu.StartDma(OwnDma.Raw, source, destination.Raw, 0x100, reply => cpu.Tell(reports().Ref, reply)));

    [Theory]
    [InlineData("write outside the instance")]
    [InlineData("write the hypervisor's RAM through the device window")]
    [InlineData("write the hypervisor's XICU through the Running mailbox")]
    [InlineData("read the boot ROM through the device window")]
    [InlineData("read the boot ROM at its machine address")]
    [InlineData("read outside the instance")]
    public async Task A_DMA_the_guest_programs_to_reach_the_hypervisor_fails_with_the_reason_and_writes_nothing_there(string transfer)
    {
        var (source, destination, at, reason) = Case(transfer);
        TestProbe? reports = null;
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: Transfer(() => reports!, source, destination), plantsFailure: true);
        reports = Probes.Create(hv.System);
        var faulted = hv.Events<DmaFaulted>();
        var everything = hv.Events<HardwareEvent>();
        var instance = PlantedGuest.Launch(hv);

        var failed = reports.Expect<DmaTransferFailed>();
        Assert.Equal(TaggedAddress.Instance(at), failed.Fault.Address);
        Assert.Equal(reason, failed.Fault.Reason);
        var published = faulted.Expect<DmaFaulted>();
        Assert.Equal((instance.Clusters[0], failed.Fault), (published.Dma, published.Fault));

        var events = hv.Received(everything);
        // The guest got the failure as an answer: its core goes on, and nothing landed in the hypervisor cluster.
        Assert.DoesNotContain(events, e => e is CoreFaulted or DmaCompleted);
        Assert.Empty(PlantedGuest.LandedInHypervisorCluster(events, instance, RunningSlot));
        var xicu = hv.Ask<XicuSnapshot>(hv.Directory.Xicu(MachineSpec.HypervisorCluster), GetXicuState.Instance);
        Assert.DoesNotContain(xicu.Pending, pending => pending.Slot == RunningSlot);
    }

    [Fact]
    public async Task The_same_transfer_inside_the_instance_lands_in_its_own_cluster()
    {
        TestProbe? reports = null;
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: Transfer(() => reports!, ArchInfo, Scratch), plantsFailure: true);
        reports = Probes.Create(hv.System);
        var instance = PlantedGuest.Launch(hv);

        var done = reports.Expect<DmaTransferDone>();
        Assert.Equal(new MachineAddress(instance.Clusters[0], PlantedGuest.Scratch), done.Destination);
        var landed = hv.Ask<MemoryContents>(hv.Directory.Memory(instance.Clusters[0]), new ReadMemory(1, PlantedGuest.Scratch, 0x100));
        Assert.IsType<ArchInfo>(Assert.IsType<DataRecord>(Assert.Single(landed.Pieces).Content).Data);
        var hypervisor = hv.Ask<MemoryContents>(hv.Directory.Memory(MachineSpec.HypervisorCluster), new ReadMemory(2, PlantedGuest.Scratch, 0x100));
        Assert.Empty(hypervisor.Pieces);
    }

    [Fact]
    public async Task Programming_a_DMA_through_the_device_window_s_DMA_segment_faults_the_core()
    {
        TestProbe? reports = null;
        var options = PlantedGuest.Running((cpu, _) => cpu.StartDma(DeviceWindow.At(SegmentMap.DmaBase).Raw, ArchInfo,
            new InstanceAddress(0, BootLayout.CoreAssignmentsOffset).Raw, 0x100, reply => cpu.Tell(reports!.Ref, reply)));
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: options, plantsFailure: true);
        reports = Probes.Create(hv.System);
        var faults = hv.Events<CoreFaulted>();
        var everything = hv.Events<HardwareEvent>();
        var instance = PlantedGuest.Launch(hv);

        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(TaggedAddress.Instance(DeviceWindow.At(SegmentMap.DmaBase)), fault.Fault.Address);
        Assert.Equal("translation fault: the DMA is not in the instance's device window", fault.Fault.Reason);
        var events = hv.Received(everything);
        Assert.DoesNotContain(events, e => e is DmaCompleted or DmaFaulted);
        Assert.Empty(PlantedGuest.LandedInHypervisorCluster(events, instance, RunningSlot));
        Assert.Empty(reports.TakeAvailable());
    }
}
