using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware.Tests;

public class ClusterMemoryTests
{
    private static readonly CodeBlock Loader = new(CodeIdentity.BootLoader);
    private static readonly CodeBlock HatCode = new(CodeIdentity.HatActivation);
    private static readonly KernelImageDescriptor Kernel = KernelImageDescriptor.AtLoadAddress("off++", 0x1000);

    [Fact]
    public void Fetching_the_expected_code_at_its_entry_succeeds()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        var result = memory.Fetch(0x1000, CodeIdentity.BootLoader);
        Assert.True(result.IsOk);
        Assert.Equal(FetchOutcome.AtEntry, result.Outcome);
    }

    [Fact]
    public void Fetching_empty_memory_says_it_is_empty()
    {
        var result = new ClusterMemory(0x10_0000).Fetch(0x2000, CodeIdentity.BootLoader);
        Assert.Equal(FetchOutcome.NoCode, result.Outcome);
        Assert.Null(result.Found);
        Assert.Equal("no code here: empty memory (expected the boot loader)", result.Reason);
    }

    [Fact]
    public void Fetching_data_says_which_data()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x2000, 0x100, new DataRecord(Kernel));
        var result = memory.Fetch(0x2000, CodeIdentity.GuestKernel);
        Assert.Equal(FetchOutcome.NoCode, result.Outcome);
        Assert.Equal("no code here: kernel image descriptor data (expected the guest kernel)", result.Reason);
    }

    [Fact]
    public void Fetching_other_code_says_which_code()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        var result = memory.Fetch(0x1000, CodeIdentity.HatActivation);
        Assert.Equal(FetchOutcome.WrongCode, result.Outcome);
        Assert.Equal(Loader, result.Found);
        Assert.Equal("wrong code: the boot loader is here (expected the HAT activation code)", result.Reason);
    }

    [Fact]
    public void Fetching_inside_a_block_says_how_far_from_the_entry()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        var result = memory.Fetch(0x1040, CodeIdentity.BootLoader);
        Assert.Equal(FetchOutcome.MidBlock, result.Outcome);
        Assert.Equal(0x40u, result.DistanceFromEntry);
        Assert.Equal("0x40 bytes inside the boot loader, not at its entry", result.Reason);
    }

    [Fact]
    public void Fetching_with_no_expectation_takes_any_code_at_its_entry()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        memory.Write(0x2000, 0x100, new DataRecord(Kernel));
        var atEntry = memory.Fetch(0x1000, null);
        Assert.True(atEntry.IsOk);
        Assert.Equal(CodeIdentity.BootLoader, atEntry.Code);
        Assert.Equal("the boot loader at its entry", atEntry.Reason);
        var inside = memory.Fetch(0x1040, null);
        Assert.Equal(FetchOutcome.MidBlock, inside.Outcome);
        Assert.Null(inside.Code);
        Assert.Equal("0x40 bytes inside the boot loader, not at its entry", inside.Reason);
        Assert.Equal("no code here: empty memory", memory.Fetch(0x3000, null).Reason);
        Assert.Equal("no code here: kernel image descriptor data", memory.Fetch(0x2000, null).Reason);
    }

    [Fact]
    public void A_write_inside_a_block_splits_it_and_the_tail_has_no_entry()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        memory.Write(0x1100, 0x100, HatCode);
        Assert.Equal(
            new MemoryRegion[] { new(0x1000, 0x100, Loader), new(0x1100, 0x100, HatCode), new(0x1200, 0x200, Loader, 0x200) },
            memory.Regions);
        Assert.Equal(FetchOutcome.MidBlock, memory.Fetch(0x1200, CodeIdentity.BootLoader).Outcome);
        Assert.Equal(FetchOutcome.AtEntry, memory.Fetch(0x1000, CodeIdentity.BootLoader).Outcome);
        Assert.Equal(FetchOutcome.AtEntry, memory.Fetch(0x1100, CodeIdentity.HatActivation).Outcome);
    }

    [Fact]
    public void A_write_over_several_blocks_replaces_covered_ones_and_cuts_the_edges()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x0000, 0x100, HatCode);
        memory.Write(0x0100, 0x100, new DataRecord(Kernel));
        memory.Write(0x0200, 0x100, Loader);
        memory.Write(0x0080, 0x200, new CodeBlock(CodeIdentity.GuestKernel));
        Assert.Equal(
            new MemoryRegion[]
            {
                new(0x0000, 0x080, HatCode),
                new(0x0080, 0x200, new CodeBlock(CodeIdentity.GuestKernel)),
                new(0x0280, 0x080, Loader, 0x80),
            },
            memory.Regions);
    }

    [Fact]
    public void An_identical_write_replaces_the_old_region()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        memory.Write(0x1000, 0x400, HatCode);
        Assert.Equal(new MemoryRegion(0x1000, 0x400, HatCode), Assert.Single(memory.Regions));
    }

    [Fact]
    public void Clearing_a_range_cuts_like_a_write_and_clearing_all_empties()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        memory.Clear(0x1000, 0x10);
        Assert.Equal(new MemoryRegion(0x1010, 0x3F0, Loader, 0x10), Assert.Single(memory.Regions));
        Assert.Null(memory.RegionAt(0x1000));
        memory.Clear();
        Assert.True(memory.IsEmpty);
    }

    [Fact]
    public void Read_range_clips_regions_to_the_range()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x1000, 0x400, Loader);
        memory.Write(0x2000, 0x100, HatCode);
        Assert.Equal(
            new MemoryRegion[] { new(0x1300, 0x100, Loader, 0x300), new(0x2000, 0x80, HatCode) },
            memory.ReadRange(0x1300, 0xD80));
    }

    [Fact]
    public void A_copy_carries_contents_to_the_new_place_and_overwrites_what_was_there()
    {
        var rom = RomImage.Build();
        var ram = new ClusterMemory(0x100_0000);
        ram.Write(BootLayout.HatCodeOffset + 0x800, 0x10, new DataRecord(Kernel));
        ram.CopyFrom(rom, RomImage.HatActivation.Offset, BootLayout.HatCodeOffset, RomImage.HatActivation.Length);
        Assert.Equal(new MemoryRegion(BootLayout.HatCodeOffset, RomImage.HatActivation.Length, HatCode), Assert.Single(ram.Regions));
        Assert.True(ram.Fetch(BootLayout.HatCodeOffset, CodeIdentity.HatActivation).IsOk);
    }

    [Fact]
    public void Copying_from_the_middle_of_a_block_does_not_create_an_entry()
    {
        var source = new ClusterMemory(0x1_0000);
        source.Write(0, 0x1000, Loader);
        var destination = new ClusterMemory(0x1_0000);
        destination.CopyFrom(source, 0x100, 0x8000, 0x200);
        Assert.Equal(FetchOutcome.MidBlock, destination.Fetch(0x8000, CodeIdentity.BootLoader).Outcome);
    }

    [Fact]
    public void Copying_empty_space_clears_the_destination()
    {
        var source = new ClusterMemory(0x1_0000);
        var destination = new ClusterMemory(0x1_0000);
        destination.Write(0x100, 0x100, Loader);
        destination.CopyFrom(source, 0, 0, 0x1000);
        Assert.True(destination.IsEmpty);
    }

    [Fact]
    public void Pasting_read_pieces_equals_a_copy()
    {
        var source = new ClusterMemory(0x1_0000);
        source.Write(0x100, 0x300, Loader);
        source.Write(0x800, 0x100, HatCode);
        var copied = new ClusterMemory(0x1_0000);
        var pasted = new ClusterMemory(0x1_0000);
        copied.Write(0x4000, 0x1000, new DataRecord(Kernel));
        pasted.Write(0x4000, 0x1000, new DataRecord(Kernel));
        copied.CopyFrom(source, 0x200, 0x4100, 0x680);
        pasted.Paste(0x4100, 0x680, source.ReadRange(0x200, 0x680), 0x200);
        Assert.Equal(copied.Regions, pasted.Regions);
        Assert.Equal(new MemoryRegion(0x4100, 0x200, Loader, 0x100), pasted.RegionAt(0x4100));
    }

    [Fact]
    public void Pasting_a_piece_from_outside_the_range_is_refused_and_changes_nothing()
    {
        var memory = new ClusterMemory(0x1_0000);
        memory.Write(0, 0x100, Loader);
        var stray = new MemoryRegion(0x900, 0x100, HatCode);
        Assert.Throws<ArgumentException>(() => memory.Paste(0, 0x100, [stray], 0x800));
        Assert.Equal(new MemoryRegion(0, 0x100, Loader), Assert.Single(memory.Regions));
    }

    [Fact]
    public void Data_is_read_back_only_whole_at_its_start()
    {
        var memory = new ClusterMemory(0x10_0000);
        memory.Write(0x2000, 0x100, new DataRecord(Kernel));
        Assert.Equal(Kernel, memory.DataAt<KernelImageDescriptor>(0x2000));
        Assert.Null(memory.DataAt<KernelImageDescriptor>(0x2010));
        Assert.Null(memory.DataAt<OtherData>(0x2000));
        memory.Clear(0x2000, 1);
        Assert.Null(memory.DataAt<KernelImageDescriptor>(0x2001));
    }

    [Fact]
    public void Accesses_outside_the_memory_are_refused_with_the_range()
    {
        var memory = new ClusterMemory(0x1000);
        Assert.Equal(
            "write of 0x20 bytes at 0x00000FF0 runs past the end of memory (0x1000 bytes)",
            Assert.Throws<ArgumentException>(() => memory.Write(0xFF0, 0x20, Loader)).Message);
        Assert.Equal(
            "offset 0x00001000 is past the end of memory (0x1000 bytes)",
            Assert.Throws<ArgumentException>(() => memory.Fetch(0x1000, CodeIdentity.BootLoader)).Message);
        Assert.Throws<ArgumentException>(() => memory.Write(0, 0, Loader));
    }

    [Fact]
    public void A_full_4_GiB_memory_can_hold_a_block_at_its_very_end()
    {
        var memory = new ClusterMemory(ClusterMemory.MaxSize);
        memory.Write(0xFFFF_F000, 0x1000, Loader);
        Assert.Equal(FetchOutcome.MidBlock, memory.Fetch(0xFFFF_FFFF, CodeIdentity.BootLoader).Outcome);
        Assert.Equal(1UL << 32, Assert.Single(memory.Regions).End);
    }

    [Fact]
    public void The_ROM_holds_the_hypervisor_at_the_reset_vector_and_the_blocks_at_fixed_offsets()
    {
        var rom = RomImage.Build();
        foreach (var block in RomImage.Blocks)
        {
            Assert.True(rom.Fetch(block.Offset, block.Code).IsOk);
        }
        Assert.Equal(0u, RomImage.Hypervisor.Offset);
        Assert.Equal("(0,0):0xBFC00000", RomImage.ResetVector(MachineSpec.Tsar4x4).ToString());
        Assert.Equal(3, rom.Regions.Count);
        Assert.Throws<ArgumentException>(() => RomImage.Block(CodeIdentity.GuestKernel));
    }

    private sealed record OtherData : IMemoryData
    {
        public string DataName => "other";
    }
}
