using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Tests;

public class AddressMapTests
{
    private static readonly AddressMap Map = new(MachineSpec.Tsar4x4);
    private static readonly ClusterId Io = new(0, 0);
    private static readonly ClusterId Other = new(2, 3);

    [Fact]
    public void Offsets_below_the_RAM_size_are_RAM_in_every_cluster()
    {
        var target = Map.Decode(new MachineAddress(Other, 0x123_4560));
        Assert.Equal(DeviceKind.Ram, target.Kind);
        Assert.Equal(Other, target.Cluster);
        Assert.Equal(0x123_4560u, target.SegmentOffset);
    }

    [Fact]
    public void Offsets_past_the_RAM_are_unmapped()
    {
        var target = Map.Decode(new MachineAddress(Other, (uint)MachineSpec.TsarRamPerCluster));
        Assert.False(target.IsMapped);
        Assert.Equal("offset 0x04000000 is past the end of RAM (0x04000000 bytes)", target.UnmappedReason);
    }

    [Fact]
    public void Clusters_outside_the_mesh_are_unmapped()
    {
        var target = Map.Decode(new MachineAddress(new ClusterId(5, 0), 0));
        Assert.Equal("cluster (5,0) is outside the 4x4 mesh", target.UnmappedReason);
    }

    [Fact]
    public void Every_cluster_has_an_XICU_whose_slots_come_from_the_offset()
    {
        var target = Map.Decode(Map.XicuSlot(Other, 7));
        Assert.Equal(DeviceKind.Xicu, target.Kind);
        Assert.Equal(Other, target.Cluster);
        Assert.Equal(7, target.Channel);
        Assert.Equal("XICU of (2,3) slot 7", target.ToString());
    }

    [Fact]
    public void XICU_slots_beyond_the_machine_count_are_unmapped()
    {
        var target = Map.Decode(new MachineAddress(Other, SegmentMap.XicuSlotOffset(32)));
        Assert.Equal("XICU slot 32 does not exist (32 slots)", target.UnmappedReason);
    }

    [Fact]
    public void Every_cluster_has_a_DMA()
    {
        Assert.Equal(DeviceKind.Dma, Map.Decode(Map.Dma(Other)).Kind);
    }

    [Fact]
    public void The_IO_cluster_answers_for_ROM_IOC_TTY_FBF_and_IOPIC_with_channels()
    {
        var rom = Map.Decode(Map.Rom(0x8000));
        Assert.Equal((DeviceKind.Rom, 0x8000u), (rom.Kind!.Value, rom.SegmentOffset));

        var ioc = Map.Decode(Map.IocChannel(6).Plus(8));
        Assert.Equal((DeviceKind.Ioc, 6, 8u), (ioc.Kind!.Value, ioc.Channel, ioc.SegmentOffset));

        var tty = Map.Decode(Map.TtySubChannel(3, 2).Plus(4));
        Assert.Equal((DeviceKind.Tty, 3, 2, 4u), (tty.Kind!.Value, tty.Channel, tty.SubChannel, tty.SegmentOffset));
        Assert.Equal("TTY channel 3.2 +0x4", tty.ToString());

        var fb = Map.Decode(Map.FbChannel(15).Plus(0xF_FFFF));
        Assert.Equal((DeviceKind.Fbf, 15, 0xF_FFFFu), (fb.Kind!.Value, fb.Channel, fb.SegmentOffset));

        var iopic = Map.Decode(new MachineAddress(Io, SegmentMap.IopicInputOffset(20)));
        Assert.Equal((DeviceKind.Iopic, 20), (iopic.Kind!.Value, iopic.Channel));
    }

    [Fact]
    public void IO_segments_are_unmapped_outside_the_IO_cluster()
    {
        var target = Map.Decode(new MachineAddress(Other, SegmentMap.IocChannelOffset(0)));
        Assert.Equal("the IOC answers only in the I/O cluster (0,0)", target.UnmappedReason);
        Assert.Equal(
            "the boot ROM answers only in the I/O cluster (0,0)",
            Map.Decode(new MachineAddress(Other, SegmentMap.RomBase)).UnmappedReason);
    }

    [Fact]
    public void Channels_beyond_the_machine_counts_are_unmapped()
    {
        Assert.Equal("IOC channel 16 does not exist (16 channels)", Map.Decode(Map.IocChannel(16)).UnmappedReason);
        Assert.Equal("TTY channel 16 does not exist (16 channels)", Map.Decode(Map.TtySubChannel(16, 0)).UnmappedReason);
        Assert.Equal("FB channel 16 does not exist (16 channels)", Map.Decode(Map.FbChannel(16)).UnmappedReason);
        Assert.Equal("IOPIC input 80 does not exist (80 inputs)", Map.Decode(new MachineAddress(Io, SegmentMap.IopicInputOffset(80))).UnmappedReason);
    }

    [Fact]
    public void Gaps_between_segments_are_unmapped()
    {
        Assert.Equal("no segment at offset 0xE0000000", Map.Decode(new MachineAddress(Io, 0xE000_0000)).UnmappedReason);
        // A TTY channel's page holds 4 sub-channels of 16 bytes; the rest is not wired.
        Assert.False(Map.Decode(new MachineAddress(Io, SegmentMap.TtyChannelOffset(1) + 0x40)).IsMapped);
    }

    [Fact]
    public void Every_mapped_segment_decodes_to_itself_for_every_preset()
    {
        foreach (var spec in new[] { MachineSpec.Tsar2x2, MachineSpec.Tsar4x4, MachineSpec.Tsar16x16 })
        {
            var map = new AddressMap(spec);
            Assert.Equal(spec.TtyChannels - 1, map.Decode(map.TtySubChannel(spec.TtyChannels - 1, 3)).Channel);
            Assert.Equal(spec.IocChannels - 1, map.Decode(map.IocChannel(spec.IocChannels - 1)).Channel);
            Assert.Equal(spec.FbChannels - 1, map.Decode(map.FbChannel(spec.FbChannels - 1)).Channel);
            Assert.Equal(spec.WtiSlots - 1, map.Decode(map.XicuSlot(new ClusterId(spec.MeshX - 1, spec.MeshY - 1), spec.WtiSlots - 1)).Channel);
            Assert.Equal(DeviceKind.Ram, map.Decode(new MachineAddress(new ClusterId(spec.MeshX - 1, 0), (uint)spec.RamPerCluster - 1)).Kind);
        }
    }

    [Fact]
    public void The_segments_do_not_overlap_each_other_or_the_largest_RAM()
    {
        var segments = new (uint Start, ulong End)[]
        {
            (SegmentMap.RomBase, (ulong)SegmentMap.RomBase + SegmentMap.RomSize),
            (SegmentMap.FbfBase, SegmentMap.FbfBase + ((ulong)SegmentMap.FbfChannelSize * SegmentMap.MaxChannels)),
            (SegmentMap.XicuBase, SegmentMap.XicuBase + ((ulong)SegmentMap.XicuSlotStride * SegmentMap.MaxWtiSlots)),
            (SegmentMap.DmaBase, (ulong)SegmentMap.DmaBase + SegmentMap.DmaSize),
            (SegmentMap.TtyBase, SegmentMap.TtyBase + ((ulong)SegmentMap.TtyChannelStride * SegmentMap.MaxChannels)),
            (SegmentMap.IocBase, SegmentMap.IocBase + ((ulong)SegmentMap.IocChannelStride * SegmentMap.MaxChannels)),
            (SegmentMap.IopicBase, SegmentMap.IopicBase + ((ulong)SegmentMap.IopicInputStride * SegmentMap.MaxIopicInputs)),
        };
        foreach (var (start, end) in segments)
        {
            Assert.True(start >= SegmentMap.MaxRamSize);
            Assert.True(end <= 1UL << 32);
            Assert.Equal(1, segments.Count(other => other.Start < end && start < other.End));
        }
    }
}
