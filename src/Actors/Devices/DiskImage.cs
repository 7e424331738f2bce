using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Devices;

/// <summary>
/// What an IOC channel's disk holds: the guest kernel image (a <see cref="CodeIdentity.GuestKernel"/>
/// code block) starting at the descriptor's first block, described by its <see cref="KernelImageDescriptor"/>,
/// which the hypervisor hands to the instance for its boot loader.
/// </summary>
public sealed record DiskImage
{
    /// <summary>Bytes per disk block.</summary>
    public const uint BlockSize = 512;

    /// <summary>The size of the kernel on a default disk.</summary>
    public const uint DefaultKernelSize = 0x0020_0000;

    public DiskImage(KernelImageDescriptor kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var end = ((ulong)kernel.FirstBlock * BlockSize) + kernel.Size;
        if (end > uint.MaxValue)
        {
            throw new ArgumentException($"kernel {kernel} does not fit on a 4 GiB disk");
        }
        Kernel = kernel;
    }

    public KernelImageDescriptor Kernel { get; }

    /// <summary>Byte offset of the kernel on the disk.</summary>
    public uint KernelOffset => Kernel.FirstBlock * BlockSize;

    /// <summary>The disk's size: the kernel's end, rounded up to whole blocks.</summary>
    public long Size => ((KernelOffset + (long)Kernel.Size + BlockSize - 1) / BlockSize) * BlockSize;

    /// <summary>The disk a channel holds unless told otherwise: a default-size kernel from block 0.</summary>
    public static DiskImage DefaultFor(int channel) =>
        new(KernelImageDescriptor.AtLoadAddress($"off++ kernel (IOC channel {channel})", DefaultKernelSize));

    /// <summary>The disk's contents as a symbolic memory the IOC owns.</summary>
    public ClusterMemory Build()
    {
        var disk = new ClusterMemory(Size);
        disk.Write(KernelOffset, Kernel.Size, new CodeBlock(CodeIdentity.GuestKernel));
        return disk;
    }

    public override string ToString() => $"disk of 0x{Size:X} bytes holding {Kernel}";
}
