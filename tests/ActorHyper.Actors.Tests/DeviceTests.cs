using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

public sealed class DeviceTests
{
    [Fact]
    public async Task The_TTY_keeps_lines_per_channel_and_sub_channel()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var lines = machine.Events<TtyLineWritten>();
        var tty = machine.Directory.Tty;
        machine.Ask<TtyWriteDone>(tty, new WriteTty(1, 2, 0, "boot: arch-info ok", UnitId.External));
        machine.Ask<TtyWriteDone>(tty, new WriteTty(2, 2, 1, "other sub-channel", UnitId.External));
        machine.Ask<TtyWriteDone>(tty, new WriteTty(3, 2, 0, "boot: kernel loaded", UnitId.External));
        Assert.Equal(["boot: arch-info ok", "boot: kernel loaded"], machine.Ask<TtyOutput>(tty, new GetTtyOutput(2, 0)).Lines);
        Assert.Equal(["other sub-channel"], machine.Ask<TtyOutput>(tty, new GetTtyOutput(2, 1)).Lines);
        Assert.Empty(machine.Ask<TtyOutput>(tty, new GetTtyOutput(3, 0)).Lines);
        Assert.Equal("boot: arch-info ok", lines.Expect<TtyLineWritten>().Text);
        Assert.Equal("TTY sub-channel 2.4 does not exist (8 channels of 4)", machine.Ask<AccessRefused>(tty, new WriteTty(4, 2, 4, "x", UnitId.External)).Reason);
        Assert.Equal("TTY sub-channel 8.0 does not exist (8 channels of 4)", machine.Ask<AccessRefused>(tty, new WriteTty(5, 8, 0, "x", UnitId.External)).Reason);
    }

    [Fact]
    public async Task The_frame_buffer_keeps_the_last_frame_of_each_channel()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var fbf = machine.Directory.Fbf;
        machine.Ask<FrameWriteDone>(fbf, new WriteFrame(1, 4, "logo", UnitId.External));
        machine.Ask<FrameWriteDone>(fbf, new WriteFrame(2, 4, "console", UnitId.External));
        Assert.Equal(new FrameContent(4, "console", 2), machine.Ask<FrameContent>(fbf, new GetFrame(4)));
        Assert.Equal(new FrameContent(5, null, 0), machine.Ask<FrameContent>(fbf, new GetFrame(5)));
        Assert.Equal("FB channel 9 does not exist (8 channels)", machine.Ask<AccessRefused>(fbf, new WriteFrame(3, 9, "x", UnitId.External)).Reason);
    }

    [Fact]
    public async Task Each_IOC_channel_holds_a_kernel_image_and_serves_reads_of_it()
    {
        var custom = new DiskImage(new KernelImageDescriptor("custom", 8, 0x3000, BootLayout.KernelLoad, BootLayout.KernelLoad.Plus(0x100)));
        var options = new MachineOptions { Disks = channel => channel == 5 ? custom : DiskImage.DefaultFor(channel) };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2, options);
        var ioc = machine.Directory.Ioc;
        Assert.Equal(custom, machine.Ask<DiskImageInfo>(ioc, new GetDiskImage(1, 5)).Image);
        Assert.Equal(DiskImage.DefaultFor(0), machine.Ask<DiskImageInfo>(ioc, new GetDiskImage(2, 0)).Image);
        var read = machine.Ask<MemoryContents>(ioc, new ReadDisk(3, 5, 0, 0x4000));
        Assert.Equal(new MemoryRegion(8 * DiskImage.BlockSize, 0x3000, new CodeBlock(CodeIdentity.GuestKernel)), Assert.Single(read.Pieces));
        Assert.StartsWith("IOC channel 5: read of 0x10000 bytes", machine.Ask<AccessRefused>(ioc, new ReadDisk(4, 5, 0, 0x10000)).Reason);
        Assert.Equal("IOC channel 8 does not exist (8 channels)", machine.Ask<AccessRefused>(ioc, new ReadDisk(5, 8, 0, 0x10)).Reason);
        machine.Ask<DiskInserted>(ioc, new InsertDisk(6, 5, DiskImage.DefaultFor(5)));
        Assert.Equal(DiskImage.DefaultFor(5), machine.Ask<DiskImageInfo>(ioc, new GetDiskImage(7, 5)).Image);
    }
}
