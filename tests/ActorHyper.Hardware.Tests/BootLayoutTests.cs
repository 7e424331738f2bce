using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Hardware.Tests;

public class BootLayoutTests
{
    [Fact]
    public void No_two_regions_in_the_same_RAM_overlap()
    {
        var regions = BootLayout.Regions;
        for (var i = 0; i < regions.Count; i++)
        {
            for (var j = i + 1; j < regions.Count; j++)
            {
                Assert.False(regions[i].SharesRamWith(regions[j]) && regions[i].Overlaps(regions[j]), $"{regions[i]} overlaps {regions[j]}");
            }
        }
    }

    [Fact]
    public void The_overlap_check_itself_detects_overlaps()
    {
        var a = new LayoutRegion("a", 0x1000, 0x100, LayoutPlace.Both);
        Assert.True(a.Overlaps(a with { Offset = 0x10FF }));
        Assert.False(a.Overlaps(a with { Offset = 0x1100 }));
        Assert.True(a.SharesRamWith(a with { Place = LayoutPlace.HypervisorCluster }));
        Assert.False((a with { Place = LayoutPlace.InstanceCluster0 }).SharesRamWith(a with { Place = LayoutPlace.HypervisorCluster }));
    }

    [Fact]
    public void Every_region_fits_in_the_minimum_RAM_and_so_in_every_preset()
    {
        Assert.All(BootLayout.Regions, region => Assert.True(region.End <= BootLayout.MinimumRam, region.ToString()));
        Assert.True(MachineSpec.Tsar2x2.RamPerCluster >= BootLayout.MinimumRam);
    }

    [Fact]
    public void The_HAT_code_sits_at_the_same_offset_in_both_RAMs_and_clear_of_the_hypervisor_data()
    {
        var hat = Assert.Single(BootLayout.Regions, region => region.Place == LayoutPlace.Both);
        Assert.Equal(BootLayout.HatCodeOffset, hat.Offset);
        Assert.Equal(BootLayout.HatCodeInHypervisorCluster.Offset, BootLayout.HatCodeInInstance.Offset);
        Assert.Equal(RomImage.HatActivation.Length, hat.Length);
        Assert.True(hat.Offset >= BootLayout.HypervisorDataOffset + BootLayout.HypervisorDataSize);
    }

    [Fact]
    public void Instance_addresses_are_in_instance_cluster_0()
    {
        foreach (var address in new[] { BootLayout.ArchInfo, BootLayout.KernelDescriptor, BootLayout.BootLoader, BootLayout.KernelLoad })
        {
            Assert.Equal(0, address.InstanceCluster);
        }
    }

    [Fact]
    public void The_same_fetch_address_lands_in_the_hypervisor_copy_before_activation_and_the_instance_copy_after()
    {
        var spec = MachineSpec.Tsar4x4;
        var allocation = new ResourcePools(spec).TryAllocate(6, 2).Allocation!;
        var rom = RomImage.Build();
        var hypervisorRam = new ClusterMemory(spec.RamPerCluster);
        var instanceRam = new ClusterMemory(spec.RamPerCluster);
        var hat = RomImage.HatActivation;
        hypervisorRam.CopyFrom(rom, hat.Offset, BootLayout.HatCodeOffset, hat.Length);
        instanceRam.CopyFrom(rom, hat.Offset, BootLayout.HatCodeOffset, hat.Length);
        var memories = new Dictionary<ClusterId, ClusterMemory>
        {
            [MachineSpec.HypervisorCluster] = hypervisorRam,
            [allocation.BootCluster] = instanceRam,
        };

        var core = new HatState();
        Assert.True(core.Configure(HatConfiguration.For(spec, allocation)).IsSuccess);
        var fetch = BootLayout.HatCodeInHypervisorCluster.Raw;

        var before = core.Translate(fetch).Address;
        Assert.Equal(MachineSpec.HypervisorCluster, before.Cluster);
        Assert.True(memories[before.Cluster].Fetch(before.Offset, CodeIdentity.HatActivation).IsOk);

        Assert.True(core.Activate().IsSuccess);
        var after = core.Translate(fetch).Address;
        Assert.Equal(allocation.BootCluster, after.Cluster);
        Assert.Equal(before.Offset, after.Offset);
        Assert.True(memories[after.Cluster].Fetch(after.Offset, CodeIdentity.HatActivation).IsOk);
    }

    [Fact]
    public void The_kernel_descriptor_refuses_images_that_do_not_fit()
    {
        Assert.Equal(
            "kernel size must be between 1 and 0xC00000 bytes, got 0xC00001",
            Assert.Throws<ArgumentException>(() => KernelImageDescriptor.AtLoadAddress("big", BootLayout.KernelMaxSize + 1)).Message);
        Assert.Throws<ArgumentException>(() => new KernelImageDescriptor("k", 0, 0x100, BootLayout.KernelLoad, BootLayout.KernelLoad.Plus(0x100)));
    }

    [Fact]
    public void Every_core_of_the_largest_mesh_has_its_own_assignment_note_inside_the_hypervisor_data()
    {
        var notes = MachineSpec.Tsar16x16.Clusters()
            .SelectMany(cluster => Enumerable.Range(0, MachineSpec.MaxCoresPerCluster).Select(core => BootLayout.CoreAssignmentOf(cluster, core)))
            .ToList();

        Assert.Equal(notes.Count, notes.Distinct().Count());
        Assert.All(notes, note =>
        {
            Assert.Equal(MachineSpec.HypervisorCluster, note.Cluster);
            Assert.True(note.Offset >= BootLayout.HypervisorDataOffset
                && (ulong)note.Offset + BootLayout.CoreAssignmentSize <= BootLayout.HypervisorDataOffset + BootLayout.HypervisorDataSize);
        });
        Assert.Equal(BootLayout.CoreAssignmentSize, notes[1].Offset - notes[0].Offset);
        Assert.Throws<ArgumentException>(() => BootLayout.CoreAssignmentOf(MachineSpec.HypervisorCluster, MachineSpec.MaxCoresPerCluster));
    }

    [Fact]
    public void An_instances_IPI_mailbox_is_the_cores_slot_of_its_instance_clusters_XICU()
    {
        var layout = Interrupts.XicuLayout.For(MachineSpec.Tsar4x4);
        var mailbox = layout.IpiMailboxInInstance(2, 3);
        Assert.Equal((2, SegmentMap.XicuBase + (3 * SegmentMap.XicuSlotStride)), (mailbox.InstanceCluster, mailbox.Offset));
        Assert.Throws<ArgumentException>(() => layout.IpiMailboxInInstance(0, 4));
    }
}
