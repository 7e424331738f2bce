using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Hardware.Tests;

public class HatTests
{
    private static readonly ClusterId Five = ClusterId.FromIndex(5);
    private static readonly ClusterId Io = new(0, 0);
    private const int RunningSlot = 13;

    private static HatConfiguration TwoClusters() => new(
        3,
        ValueList.Of(Five, new ClusterId(2, 2)),
        new InstanceChannels(Ioc: 3, Tty: 1, Fb: 1),
        Io,
        MachineSpec.HypervisorCluster,
        RunningSlot);

    private static HatState ActiveHat()
    {
        var hat = new HatState();
        Assert.True(hat.Configure(TwoClusters()).IsSuccess);
        Assert.True(hat.Activate().IsSuccess);
        return hat;
    }

    [Fact]
    public void An_off_HAT_passes_raw_addresses_through_as_machine_addresses()
    {
        var hat = new HatState();
        var raw = new MachineAddress(new ClusterId(3, 1), 0x1234).Raw;
        Assert.Equal(HatMode.Off, hat.Mode);
        Assert.Equal(MachineAddress.FromRaw(raw), hat.Translate(raw).Address);
    }

    [Fact]
    public void A_configured_but_inactive_HAT_still_passes_addresses_through()
    {
        var hat = new HatState();
        hat.Configure(TwoClusters());
        Assert.Equal(HatMode.Configured, hat.Mode);
        Assert.Equal(new MachineAddress(new ClusterId(0, 0), 0x10_0000), hat.Translate(0x10_0000).Address);
    }

    [Fact]
    public void Instance_cluster_0_mapped_to_machine_cluster_5_translates_to_cluster_5_at_the_same_offset()
    {
        var result = ActiveHat().Translate(new InstanceAddress(0, 0x30_0000));
        Assert.False(result.IsFault);
        Assert.Equal(new MachineAddress(Five, 0x30_0000), result.Address);
        Assert.Equal(new MachineAddress(new ClusterId(2, 2), 0x40), ActiveHat().Translate(new InstanceAddress(1, 0x40)).Address);
    }

    [Fact]
    public void Translation_keeps_the_offset_for_many_offsets()
    {
        var hat = ActiveHat();
        var random = new Xorshift(7);
        for (var i = 0; i < 1000; i++)
        {
            var offset = (uint)random.Next(0x0400_0000);
            var k = random.Next(2);
            var translated = hat.Translate(new InstanceAddress(k, offset)).Address;
            Assert.Equal(offset, translated.Offset);
            Assert.Equal(k == 0 ? Five : new ClusterId(2, 2), translated.Cluster);
        }
    }

    [Fact]
    public void An_address_outside_the_instance_faults_with_the_reason()
    {
        var result = ActiveHat().Translate(new InstanceAddress(5, 0x1000));
        Assert.True(result.IsFault);
        Assert.Equal("instance cluster 5 is outside the instance (2 clusters)", result.Fault!.Reason);
        Assert.Equal(new TaggedAddress(AddressSpace.Instance, new InstanceAddress(5, 0x1000).Raw), result.Fault.Address);
        Assert.Equal("fault at k5:0x00001000: instance cluster 5 is outside the instance (2 clusters)", result.Fault.ToString());
    }

    [Fact]
    public void A_one_cluster_instance_says_cluster_in_the_singular()
    {
        var hat = new HatState();
        hat.Configure(new HatConfiguration(0, ValueList.Of(Five), new InstanceChannels(0, 0, 0), Io, MachineSpec.HypervisorCluster, 10));
        hat.Activate();
        Assert.Equal("instance cluster 1 is outside the instance (1 cluster)", hat.Translate(new InstanceAddress(1, 0)).Fault!.Reason);
    }

    [Fact]
    public void Activating_before_configuring_is_refused_and_leaves_the_HAT_off()
    {
        var hat = new HatState();
        var outcome = hat.Activate();
        Assert.False(outcome.IsSuccess);
        Assert.Equal("the HAT was activated before it was configured", outcome.Refusal);
        Assert.Equal(HatMode.Off, hat.Mode);
    }

    [Fact]
    public void Activating_twice_or_reconfiguring_while_active_is_refused()
    {
        var hat = ActiveHat();
        Assert.Equal("the HAT is already active for instance 3", hat.Activate().Refusal);
        Assert.Equal("the HAT is active for instance 3: reset it before configuring it again", hat.Configure(TwoClusters()).Refusal);
        Assert.Equal(HatMode.Active, hat.Mode);
    }

    [Fact]
    public void Reset_returns_the_HAT_to_identity()
    {
        var hat = ActiveHat();
        hat.Reset();
        Assert.Equal(HatMode.Off, hat.Mode);
        Assert.Null(hat.Configuration);
        Assert.Equal(new MachineAddress(Five, 0x30_0000), hat.Translate(new MachineAddress(Five, 0x30_0000)).Address);
        Assert.False(hat.Activate().IsSuccess);
    }

    [Fact]
    public void The_device_window_reaches_the_instance_own_channels_in_the_IO_cluster()
    {
        var hat = ActiveHat();
        Assert.Equal(new MachineAddress(Io, SegmentMap.IocChannelOffset(3) + 8), hat.Translate(DeviceWindow.IocChannel(3).Plus(8)).Address);
        for (var sub = 0; sub < 4; sub++)
        {
            Assert.Equal(new MachineAddress(Io, SegmentMap.TtySubChannelOffset(1, sub)), hat.Translate(DeviceWindow.TtySubChannel(1, sub)).Address);
        }
        Assert.Equal(new MachineAddress(Io, SegmentMap.FbfChannelOffset(1) + 0x100), hat.Translate(DeviceWindow.FbChannel(1).Plus(0x100)).Address);
    }

    [Fact]
    public void Foreign_device_channels_fault_with_the_reason()
    {
        var hat = ActiveHat();
        Assert.Equal(
            "IOC channel 4 belongs to another instance (this instance has IOC channel 3)",
            hat.Translate(DeviceWindow.IocChannel(4)).Fault!.Reason);
        Assert.Equal(
            "TTY channel 0 belongs to another instance (this instance has TTY channel 1)",
            hat.Translate(DeviceWindow.TtySubChannel(0, 2)).Fault!.Reason);
        Assert.Equal(
            "FB channel 2 belongs to another instance (this instance has FB channel 1)",
            hat.Translate(DeviceWindow.FbChannel(2)).Fault!.Reason);
    }

    [Fact]
    public void The_ROM_IOPIC_and_empty_window_offsets_fault()
    {
        var hat = ActiveHat();
        Assert.Equal("the boot ROM is not in the instance's device window", hat.Translate(DeviceWindow.At(SegmentMap.RomBase)).Fault!.Reason);
        Assert.Equal("the IOPIC is not in the instance's device window", hat.Translate(DeviceWindow.At(SegmentMap.IopicBase)).Fault!.Reason);
        Assert.Equal("offset 0x00001000 of the device window holds no device", hat.Translate(DeviceWindow.At(0x1000)).Fault!.Reason);
    }

    [Fact]
    public void The_window_reaches_only_the_instance_Running_mailbox_in_the_hypervisor_XICU()
    {
        var hat = ActiveHat();
        Assert.Equal(
            new MachineAddress(MachineSpec.HypervisorCluster, SegmentMap.XicuSlotOffset(RunningSlot)),
            hat.Translate(DeviceWindow.HypervisorMailbox(RunningSlot)).Address);
        Assert.Equal(
            "XICU slot 0 of the hypervisor cluster is not this instance's Running mailbox (slot 13)",
            hat.Translate(DeviceWindow.HypervisorMailbox(0)).Fault!.Reason);
    }

    [Fact]
    public void IO_segments_are_not_reachable_through_an_instance_cluster_number()
    {
        Assert.Equal(
            "offset 0xF5000000 is the IOC segment, reachable only through the device window (instance cluster 255)",
            ActiveHat().Translate(new InstanceAddress(0, SegmentMap.IocChannelOffset(0))).Fault!.Reason);
    }

    [Fact]
    public void Own_clusters_XICU_and_DMA_are_reached_through_their_instance_numbers()
    {
        var hat = ActiveHat();
        Assert.Equal(new MachineAddress(new ClusterId(2, 2), SegmentMap.XicuSlotOffset(1)), hat.Translate(new InstanceAddress(1, SegmentMap.XicuSlotOffset(1))).Address);
        Assert.Equal(new MachineAddress(Five, SegmentMap.DmaBase), hat.Translate(new InstanceAddress(0, SegmentMap.DmaBase)).Address);
    }

    [Fact]
    public void Addresses_wider_than_40_bits_fault_in_either_mode()
    {
        Assert.Equal("address 0x10000000000 is wider than 40 bits", new HatState().Translate(1UL << 40).Fault!.Reason);
        Assert.Equal("address 0x10000000000 is wider than 40 bits", ActiveHat().Translate(1UL << 40).Fault!.Reason);
    }

    [Fact]
    public void A_configuration_must_not_map_the_hypervisor_cluster_or_a_cluster_twice()
    {
        Assert.Equal(
            "a HAT table must not map the hypervisor cluster (0,0)",
            Assert.Throws<ArgumentException>(() => new HatConfiguration(0, ValueList.Of(new ClusterId(0, 0)), default, Io, MachineSpec.HypervisorCluster, 10)).Message);
        Assert.Throws<ArgumentException>(() => new HatConfiguration(0, ValueList.Of(Five, Five), default, Io, MachineSpec.HypervisorCluster, 10));
        Assert.Throws<ArgumentException>(() => new HatConfiguration(0, ValueList.Of<ClusterId>(), default, Io, MachineSpec.HypervisorCluster, 10));
    }

    [Fact]
    public void The_configuration_for_an_allocation_uses_its_clusters_channels_and_Running_slot()
    {
        var spec = MachineSpec.Tsar4x4;
        var allocation = new ResourcePools(spec).TryAllocate(6, 2).Allocation!;
        var config = HatConfiguration.For(spec, allocation);
        Assert.Equal(allocation.Clusters, config.Clusters);
        Assert.Equal(allocation.Channels, config.Channels);
        Assert.Equal(XicuLayout.For(spec).RunningSlot(6), config.RunningSlot);
        Assert.Equal(spec.IoCluster, config.IoCluster);
    }
}
