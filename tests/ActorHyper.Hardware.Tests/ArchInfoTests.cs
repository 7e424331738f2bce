using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Hardware.Tests;

public class ArchInfoTests
{
    private static readonly MachineSpec Spec = MachineSpec.Tsar4x4;

    private static (Allocation Allocation, ArchInfo ArchInfo) RunMinus_nc2_i6()
    {
        var pools = new ResourcePools(Spec);
        pools.TryAllocate(1, 1);
        var allocation = pools.TryAllocate(6, 2).Allocation!;
        return (allocation, ArchInfoBuilder.Build(Spec, allocation));
    }

    [Fact]
    public void The_header_is_ALMOS_like_with_bootstrap_cpu_tty_and_dma_in_instance_cluster_0()
    {
        var (_, info) = RunMinus_nc2_i6();
        Assert.Equal("@ALMOS ARCH BIB", info.Signature);
        Assert.Equal(1, info.Revision);
        Assert.Equal("TSAR", info.Arch);
        Assert.Equal(6, info.InstanceId);
        Assert.Equal((0, 0, 0), (info.BootstrapCpu, info.BootstrapTty, info.BootstrapDma));
        Assert.Equal("arch-info", info.DataName);
    }

    [Fact]
    public void The_clusters_are_the_allocated_ones_in_instance_order_with_all_their_cores_and_RAM()
    {
        var (allocation, info) = RunMinus_nc2_i6();
        Assert.Equal(2, info.Clusters.Count);
        for (var k = 0; k < 2; k++)
        {
            var cluster = info.Clusters[k];
            Assert.Equal(k, cluster.InstanceCluster);
            Assert.Equal(allocation.Clusters[k], cluster.MachineCluster);
            Assert.Equal(4, cluster.Cores);
            Assert.Equal(new InstanceAddress(k, 0), cluster.RamBase);
            Assert.Equal(Spec.RamPerCluster, cluster.RamSize);
            Assert.Equal(new[] { DeviceKind.Xicu, DeviceKind.Dma }, cluster.Devices.Select(device => device.Kind));
            Assert.All(cluster.Devices, device => Assert.Equal(k, device.Base.InstanceCluster));
        }
        Assert.Equal(8, info.CpuCount);
    }

    [Fact]
    public void The_IO_devices_are_the_instance_channels_in_the_device_window_with_their_irq_slots()
    {
        var (allocation, info) = RunMinus_nc2_i6();
        var layout = XicuLayout.For(Spec);
        Assert.Equal(
            new ArchInfoDevice[]
            {
                new(DeviceKind.Ioc, DeviceWindow.IocChannel(6), SegmentMap.IocChannelStride, layout.IocSlot),
                new(DeviceKind.Tty, DeviceWindow.TtySubChannel(allocation.TtyChannel, 0), SegmentMap.TtySubChannelStride, layout.TtySlot(0)),
                new(DeviceKind.Tty, DeviceWindow.TtySubChannel(allocation.TtyChannel, 1), SegmentMap.TtySubChannelStride, layout.TtySlot(1)),
                new(DeviceKind.Tty, DeviceWindow.TtySubChannel(allocation.TtyChannel, 2), SegmentMap.TtySubChannelStride, layout.TtySlot(2)),
                new(DeviceKind.Tty, DeviceWindow.TtySubChannel(allocation.TtyChannel, 3), SegmentMap.TtySubChannelStride, layout.TtySlot(3)),
                new(DeviceKind.Fbf, DeviceWindow.FbChannel(allocation.FbChannel), SegmentMap.FbfChannelSize, null),
            },
            info.IoDevices);
        Assert.Equal(1, allocation.TtyChannel);
        Assert.Equal(DeviceWindow.HypervisorMailbox(layout.RunningSlot(6)), info.RunningMailbox);
    }

    [Fact]
    public void Every_address_in_the_arch_info_reaches_the_right_hardware_through_the_instance_HAT()
    {
        var (allocation, info) = RunMinus_nc2_i6();
        var map = new AddressMap(Spec);
        var hat = new HatState();
        hat.Configure(HatConfiguration.For(Spec, allocation));
        hat.Activate();

        foreach (var cluster in info.Clusters)
        {
            var ram = map.Decode(hat.Translate(cluster.RamBase).Address);
            Assert.Equal((DeviceKind.Ram, cluster.MachineCluster), (ram.Kind!.Value, ram.Cluster));
            var lastByte = map.Decode(hat.Translate(cluster.RamBase.Plus((uint)cluster.RamSize - 1)).Address);
            Assert.Equal(DeviceKind.Ram, lastByte.Kind);
            foreach (var device in cluster.Devices)
            {
                var target = map.Decode(hat.Translate(device.Base).Address);
                Assert.Equal((device.Kind, cluster.MachineCluster), (target.Kind!.Value, target.Cluster));
            }
        }
        foreach (var device in info.IoDevices)
        {
            var target = map.Decode(hat.Translate(device.Base).Address);
            Assert.Equal(device.Kind, target.Kind);
            Assert.Equal(Spec.IoCluster, target.Cluster);
            var expectedChannel = device.Kind switch
            {
                DeviceKind.Ioc => allocation.IocChannel,
                DeviceKind.Tty => allocation.TtyChannel,
                _ => allocation.FbChannel,
            };
            Assert.Equal(expectedChannel, target.Channel);
        }
        var mailbox = map.Decode(hat.Translate(info.RunningMailbox).Address);
        Assert.Equal((DeviceKind.Xicu, MachineSpec.HypervisorCluster, XicuLayout.For(Spec).RunningSlot(6)), (mailbox.Kind!.Value, mailbox.Cluster, mailbox.Channel));
    }

    [Fact]
    public void The_machine_dependent_info_has_a_bank_per_cluster_an_io_bank_per_device_a_processor_per_core_and_a_DMA_per_cluster()
    {
        var (_, info) = RunMinus_nc2_i6();
        var mdep = MachineDependentInfo.From(info);
        Assert.Equal(new[] { new InstanceAddress(0, 0), new InstanceAddress(1, 0) }, mdep.MemoryBanks.Select(bank => bank.Base));
        Assert.Equal(
            new[] { DeviceKind.Xicu, DeviceKind.Xicu, DeviceKind.Ioc, DeviceKind.Tty, DeviceKind.Tty, DeviceKind.Tty, DeviceKind.Tty, DeviceKind.Fbf },
            mdep.IoBanks.Select(bank => bank.Kind));
        Assert.Equal(Enumerable.Range(0, 8), mdep.IoBanks.Select(bank => bank.Index));
        Assert.Equal(8, mdep.Processors.Count);
        Assert.Equal(new ProcessorInfo(0, 0, 0, IsBoot: true), mdep.Processors[0]);
        Assert.Equal(new ProcessorInfo(5, 1, 1, IsBoot: false), mdep.Processors[5]);
        Assert.Single(mdep.Processors, processor => processor.IsBoot);
        Assert.Equal(new[] { 0, 1 }, mdep.Dmas.Select(dma => dma.InstanceCluster));
        Assert.Equal(new InstanceAddress(1, SegmentMap.DmaBase), mdep.Dmas[1].Base);
    }

    [Fact]
    public void A_cores_own_processor_is_the_one_the_whole_list_gives_it()
    {
        var (_, info) = RunMinus_nc2_i6();
        var all = MachineDependentInfo.From(info).Processors;
        var one = info.Clusters.SelectMany((cluster, i) => Enumerable.Range(0, cluster.Cores).Select(local => MachineDependentInfo.ProcessorOf(info, i, local)));

        Assert.Equal(all, one);
        Assert.Throws<ArgumentOutOfRangeException>(() => MachineDependentInfo.ProcessorOf(info, 0, info.Clusters[0].Cores));
        Assert.Throws<ArgumentOutOfRangeException>(() => MachineDependentInfo.ProcessorOf(info, info.Clusters.Count, 0));
    }

    [Fact]
    public void The_arch_info_is_a_value_that_survives_a_trip_through_memory()
    {
        var (allocation, info) = RunMinus_nc2_i6();
        Assert.Equal(info, ArchInfoBuilder.Build(Spec, allocation));
        var ram = new ClusterMemory(Spec.RamPerCluster);
        ram.Write(BootLayout.ArchInfoOffset, BootLayout.ArchInfoSize, new DataRecord(info));
        Assert.Equal(info, ram.DataAt<ArchInfo>(BootLayout.ArchInfo.Offset));
        Assert.Equal("no code here: arch-info data (expected the boot loader)", ram.Fetch(BootLayout.ArchInfoOffset, CodeIdentity.BootLoader).Reason);
    }

    [Fact]
    public void A_16x16_instance_of_255_clusters_fits_the_instance_address_space()
    {
        var spec = MachineSpec.Tsar16x16;
        var allocation = new ResourcePools(spec).TryAllocate(63, 255).Allocation!;
        var info = ArchInfoBuilder.Build(spec, allocation);
        Assert.Equal(255, info.Clusters.Count);
        Assert.Equal(1020, info.CpuCount);
        Assert.Equal(254, info.Clusters[^1].InstanceCluster);
        var hat = new HatState();
        hat.Configure(HatConfiguration.For(spec, allocation));
        hat.Activate();
        Assert.Equal(allocation.Clusters[254], hat.Translate(info.Clusters[^1].RamBase).Address.Cluster);
    }
}
