using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

public sealed class MemoryTests
{
    private static readonly MachineSpec Spec = MachineSpec.Tsar2x2;

    private static readonly ClusterId Instance0 = new(1, 1);

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task The_HAT_code_copied_from_ROM_to_two_clusters_sits_at_the_same_offset_in_both(ExecutionMode mode)
    {
        await using var machine = TestMachine.Started(mode, Spec);
        var copied = machine.Events<MemoryCopied>();
        var fromRom = machine.Directory.Map.Rom(RomImage.HatActivation.Offset);
        foreach (var cluster in new[] { MachineSpec.HypervisorCluster, Instance0 })
        {
            machine.Ask<MemoryWriteDone>(machine.Directory.Memory(cluster),
                new CopyMemory(1, fromRom, BootLayout.HatCodeOffset, BootLayout.HatCodeSize, UnitId.Core(CoreId.MachineBootCore)));
            var fetched = machine.Ask<FetchCodeResult>(machine.Directory.Memory(cluster), new FetchCode(2, BootLayout.HatCodeOffset, CodeIdentity.HatActivation));
            Assert.True(fetched.Result.IsOk);
        }
        var first = copied.Expect<MemoryCopied>();
        Assert.Equal(fromRom, first.Source);
        Assert.Equal(BootLayout.HatCodeInHypervisorCluster, first.Destination);
        Assert.Equal(new MemoryRegion(BootLayout.HatCodeOffset, BootLayout.HatCodeSize, new CodeBlock(CodeIdentity.HatActivation)), Assert.Single(first.Contents));
        Assert.Equal(new MachineAddress(Instance0, BootLayout.HatCodeOffset), copied.Expect<MemoryCopied>().Destination);
    }

    [Fact]
    public async Task A_copy_between_clusters_carries_a_partial_block_that_is_no_entry_point()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        machine.PlaceCode(new ClusterId(0, 1), 0x10_0000, CodeIdentity.BootLoader, 0x4000);
        machine.Ask<MemoryWriteDone>(machine.Directory.Memory(Instance0),
            new CopyMemory(1, new MachineAddress(new ClusterId(0, 1), 0x10_1000), 0x20_0000, 0x3000, UnitId.External));
        var fetched = machine.Ask<FetchCodeResult>(machine.Directory.Memory(Instance0), new FetchCode(2, 0x20_0000, CodeIdentity.BootLoader));
        Assert.Equal(FetchOutcome.MidBlock, fetched.Result.Outcome);
        Assert.Equal(0x1000u, fetched.Result.DistanceFromEntry);
    }

    [Fact]
    public async Task Writes_past_the_end_of_RAM_to_the_ROM_or_from_a_device_are_refused_with_the_reason()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var memory = machine.Directory.Memory(Instance0);
        var pastEnd = machine.Ask<AccessRefused>(memory,
            new WriteMemory(1, (uint)Spec.RamPerCluster - 0x10, 0x20, new CodeBlock(CodeIdentity.BootLoader), UnitId.External));
        Assert.Equal(1, pastEnd.Tag);
        Assert.Equal(UnitId.Memory(Instance0), pastEnd.By);
        Assert.Equal("write of 0x20 bytes at 0x03FFFFF0 runs past the end of memory (0x4000000 bytes)", pastEnd.Reason);
        var rom = machine.Ask<AccessRefused>(machine.Directory.Rom, new WriteMemory(2, 0, 0x10, new CodeBlock(CodeIdentity.BootLoader), UnitId.External));
        Assert.Equal("the boot ROM is read-only", rom.Reason);
        var device = machine.Ask<AccessRefused>(memory, new CopyMemory(3, machine.Directory.Map.TtySubChannel(0, 0), 0, 0x10, UnitId.External));
        Assert.Equal("copy source (0,0):0xF4000000 is the TTY channel 0.0 +0x0, not memory", device.Reason);
    }

    [Fact]
    public async Task Clearing_a_range_or_the_whole_RAM_empties_it_and_is_published()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var cleared = machine.Events<MemoryCleared>();
        var memory = machine.Directory.Memory(Instance0);
        machine.PlaceCode(Instance0, 0x1000, CodeIdentity.BootLoader, 0x1000);
        machine.PlaceCode(Instance0, 0x8000, CodeIdentity.GuestKernel, 0x1000);
        machine.Ask<MemoryWriteDone>(memory, new ClearMemory(1, 0x1000, 0x800, UnitId.External));
        var contents = machine.Ask<MemoryContents>(memory, new ReadMemory(2, 0, 0x10000)).Pieces;
        Assert.Equal(
            [new MemoryRegion(0x1800, 0x800, new CodeBlock(CodeIdentity.BootLoader), 0x800), new MemoryRegion(0x8000, 0x1000, new CodeBlock(CodeIdentity.GuestKernel))],
            contents);
        machine.Ask<MemoryWriteDone>(memory, ClearMemory.All(3, UnitId.External));
        Assert.Empty(machine.Ask<MemoryContents>(memory, new ReadMemory(4, 0, 0x10000)).Pieces);
        Assert.Equal(new MachineAddress(Instance0, 0x1000), cleared.Expect<MemoryCleared>().Address);
        Assert.Equal((uint)Spec.RamPerCluster, cleared.Expect<MemoryCleared>().Length);
    }

    [Fact]
    public async Task A_store_is_published_with_what_the_range_holds_now()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var written = machine.Events<MemoryWritten>();
        var kernel = KernelImageDescriptor.AtLoadAddress("off++", 0x1000);
        machine.Ask<MemoryWriteDone>(machine.Directory.Memory(Instance0),
            new WriteMemory(1, BootLayout.KernelDescriptorOffset, BootLayout.KernelDescriptorSize, new DataRecord(kernel), UnitId.External));
        var write = written.Expect<MemoryWritten>();
        Assert.Equal(new MachineAddress(Instance0, BootLayout.KernelDescriptorOffset), write.Address);
        Assert.Equal(new DataRecord(kernel), Assert.Single(write.Contents).Content);
        Assert.Equal(UnitId.External, write.Writer);
    }
}
