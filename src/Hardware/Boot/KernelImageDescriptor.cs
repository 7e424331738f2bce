using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// Tells the boot loader what to load: the kernel image's first block on the instance's IOC
/// channel, its size, where to put it and where to jump. Sits at <see cref="BootLayout.KernelDescriptor"/>.
/// </summary>
public sealed record KernelImageDescriptor : IMemoryData
{
    public KernelImageDescriptor(string name, uint firstBlock, uint size, InstanceAddress loadAddress, InstanceAddress entry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (size is 0 or > BootLayout.KernelMaxSize)
        {
            throw new ArgumentException($"kernel size must be between 1 and 0x{BootLayout.KernelMaxSize:X} bytes, got 0x{size:X}");
        }
        if (entry.InstanceCluster != loadAddress.InstanceCluster || entry.Offset < loadAddress.Offset || entry.Offset - loadAddress.Offset >= size)
        {
            throw new ArgumentException($"kernel entry {entry} is outside the loaded image at {loadAddress} (0x{size:X} bytes)");
        }
        Name = name;
        FirstBlock = firstBlock;
        Size = size;
        LoadAddress = loadAddress;
        Entry = entry;
    }

    public string Name { get; }

    public uint FirstBlock { get; }

    public uint Size { get; }

    public InstanceAddress LoadAddress { get; }

    public InstanceAddress Entry { get; }

    public string DataName => "kernel image descriptor";

    /// <summary>An image of <paramref name="size"/> bytes from block 0, loaded and entered at <see cref="BootLayout.KernelLoad"/>.</summary>
    public static KernelImageDescriptor AtLoadAddress(string name, uint size) =>
        new(name, 0, size, BootLayout.KernelLoad, BootLayout.KernelLoad);

    public override string ToString() => $"{Name}: 0x{Size:X} bytes from block {FirstBlock} to {LoadAddress}, entry {Entry}";
}
