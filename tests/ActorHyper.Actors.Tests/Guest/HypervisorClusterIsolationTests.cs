using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// Guest code reaches the machine only through its core, and its core only through its HAT: with the
/// HAT on, no load, store, copy or mailbox write reaches the hypervisor's cluster. An address outside
/// the instance, a hypervisor unit through the device window, or a machine-looking address of the
/// hypervisor cluster's devices faults the core with the address and the reason; a machine-looking
/// address of the hypervisor cluster's RAM or XICU is instance cluster 0, the instance's own.
/// </summary>
public sealed class HypervisorClusterIsolationTests
{
    private static readonly XicuLayout Layout = XicuLayout.For(MachineSpec.Tsar4x4);

    private static readonly MachineAddress HypervisorRom = new(MachineSpec.Tsar4x4.IoCluster, SegmentMap.RomBase);

    private static string Outside(int cluster) => $"translation fault: instance cluster {cluster} is outside the instance (1 cluster)";

    /// <summary>Each access, what the guest issues and where and why its core faults.</summary>
    private static (Action<ICoreCpu> Access, InstanceAddress At, string Reason) Case(string name) => name switch
    {
        "load outside the instance" => (
            cpu => cpu.Load(new InstanceAddress(1, BootLayout.CoreAssignmentsOffset).Raw, 0x40, _ => { }),
            new InstanceAddress(1, BootLayout.CoreAssignmentsOffset), Outside(1)),
        "store outside the instance" => (
            cpu => cpu.Store(new InstanceAddress(5, BootLayout.HatCodeOffset).Raw, 0x40, new CodeBlock(CodeIdentity.GuestKernel)),
            new InstanceAddress(5, BootLayout.HatCodeOffset), Outside(5)),
        "copy into an address outside the instance" => (
            cpu => cpu.Copy(BootLayout.ArchInfo.Raw, new InstanceAddress(1, BootLayout.CoreAssignmentsOffset).Raw, 0x40),
            new InstanceAddress(1, BootLayout.CoreAssignmentsOffset), Outside(1)),
        "copy out of the boot ROM through the device window" => (
            cpu => cpu.Copy(DeviceWindow.At(SegmentMap.RomBase).Raw, new InstanceAddress(0, PlantedGuest.Scratch).Raw, 0x40),
            DeviceWindow.At(SegmentMap.RomBase), "translation fault: the boot ROM is not in the instance's device window"),
        "load the boot ROM at its machine address" => (
            cpu => cpu.Load(HypervisorRom.Raw, 0x40, _ => { }),
            new InstanceAddress(0, SegmentMap.RomBase),
            "translation fault: offset 0xBFC00000 is the boot ROM segment, reachable only through the device window (instance cluster 255)"),
        "store into the hypervisor's RAM through the device window" => (
            cpu => cpu.Store(DeviceWindow.At(BootLayout.CoreAssignmentsOffset).Raw, 0x40, new CodeBlock(CodeIdentity.Hypervisor)),
            DeviceWindow.At(BootLayout.CoreAssignmentsOffset), "translation fault: offset 0x00010000 of the device window holds no device"),
        "write P0 C_0's IPI mailbox through the device window" => (
            cpu => cpu.WriteMailbox(DeviceWindow.HypervisorMailbox(Layout.IpiSlot(0)).Raw, 0x1234),
            DeviceWindow.HypervisorMailbox(Layout.IpiSlot(0)),
            $"translation fault: XICU slot 0 of the hypervisor cluster is not this instance's Running mailbox (slot {Layout.RunningSlot(PlantedGuest.InstanceId)})"),
        "write a mailbox outside the instance" => (
            cpu => cpu.WriteMailbox(new InstanceAddress(1, SegmentMap.XicuSlotOffset(0)).Raw, 0x1234),
            new InstanceAddress(1, SegmentMap.XicuSlotOffset(0)), Outside(1)),
        "write the IOPIC at its machine address" => (
            cpu => cpu.WriteMailbox(new MachineAddress(MachineSpec.Tsar4x4.IoCluster, SegmentMap.IopicInputOffset(0)).Raw, 0x1234),
            new InstanceAddress(0, SegmentMap.IopicInputOffset(0)),
            "translation fault: offset 0xF9000000 is the IOPIC segment, reachable only through the device window (instance cluster 255)"),
        _ => throw new ArgumentException($"no case '{name}'", nameof(name)),
    };

    [Theory]
    [InlineData("load outside the instance")]
    [InlineData("store outside the instance")]
    [InlineData("copy into an address outside the instance")]
    [InlineData("copy out of the boot ROM through the device window")]
    [InlineData("load the boot ROM at its machine address")]
    [InlineData("store into the hypervisor's RAM through the device window")]
    [InlineData("write P0 C_0's IPI mailbox through the device window")]
    [InlineData("write a mailbox outside the instance")]
    [InlineData("write the IOPIC at its machine address")]
    public async Task A_guest_access_that_would_reach_the_hypervisor_faults_its_core_with_the_address_and_the_reason(string access)
    {
        var (script, at, reason) = Case(access);
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: PlantedGuest.Running((cpu, _) => script(cpu)), plantsFailure: true);
        var faults = hv.Events<CoreFaulted>();
        var everything = hv.Events<HardwareEvent>();
        var instance = PlantedGuest.Launch(hv);

        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(new CoreId(instance.Clusters[0], 0), fault.Core);
        Assert.Equal(TaggedAddress.Instance(at), fault.Fault.Address);
        Assert.Equal(reason, fault.Fault.Reason);
        Assert.Empty(PlantedGuest.LandedInHypervisorCluster(hv.Received(everything), instance, Layout.RunningSlot(PlantedGuest.InstanceId)));
    }

    [Fact]
    public async Task A_machine_looking_address_of_the_hypervisor_cluster_is_the_instance_s_own_cluster_0()
    {
        // The hypervisor's note about the boot core, as a core with its HAT off addresses it.
        var note = default(MachineAddress);
        var seen = default(ValueList<MemoryRegion>);
        var options = PlantedGuest.Running((cpu, _) =>
        {
            note = BootLayout.CoreAssignmentOf(cpu.Core.Cluster, cpu.Core.Index);
            cpu.Load(note.Raw, BootLayout.CoreAssignmentSize, read =>
            {
                seen = read;
                cpu.Store(note.Raw, BootLayout.CoreAssignmentSize, new DataRecord(new CoreAssignment(99)), () =>
                    cpu.WriteMailbox(new MachineAddress(MachineSpec.HypervisorCluster, SegmentMap.XicuSlotOffset(Layout.IpiSlot(0))).Raw, 0x1234));
            });
        });
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: options, plantsFailure: true);
        var everything = hv.Events<HardwareEvent>();
        var instance = PlantedGuest.Launch(hv);
        var events = hv.Received(everything);

        var k0 = instance.Clusters[0];
        Assert.DoesNotContain(events, e => e is CoreFaulted);
        // The load read the instance's cluster 0 at that offset, where the hypervisor keeps nothing.
        Assert.NotNull(seen);
        Assert.DoesNotContain(seen, region => region.Content is DataRecord { Data: CoreAssignment });
        // The store landed there too; the hypervisor's own note is as the hypervisor wrote it.
        var written = Assert.Single(events.OfType<MemoryWritten>(), e => e.Writer == UnitId.Core(new CoreId(k0, 0)));
        Assert.Equal(new MachineAddress(k0, note.Offset), written.Address);
        var hypervisorNote = hv.Ask<MemoryContents>(hv.Directory.Memory(MachineSpec.HypervisorCluster), new ReadMemory(1, note.Offset, BootLayout.CoreAssignmentSize));
        Assert.Equal(new DataRecord(new CoreAssignment(PlantedGuest.InstanceId)), Assert.Single(hypervisorNote.Pieces).Content);
        // The IPI to "P0 C_0" went to core 0 of the instance's cluster 0: the boot core itself.
        var ipi = Assert.Single(events.OfType<IpiSent>(), e => e.Writer == UnitId.Core(new CoreId(k0, 0)) && e.Value == 0x1234);
        Assert.Equal(new XicuTarget(k0, Layout.IpiSlot(0)), ipi.Mailbox);
        Assert.Empty(PlantedGuest.LandedInHypervisorCluster(events, instance, Layout.RunningSlot(PlantedGuest.InstanceId)));
    }
}
