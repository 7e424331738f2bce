using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// Where the boot puts things, as RAM offsets (all within the first 16 MiB):
/// <code>
/// 0x00000000..0x00100000  hypervisor data (stacks, tables)   hypervisor cluster
///   0x00010000..0x00020000  per-core assignment notes          (inside the hypervisor data)
/// 0x00100000..0x00101000  HAT activation code copy           both, same offset
/// 0x00200000..0x00210000  arch-info                          instance cluster 0
/// 0x00210000..0x00211000  kernel image descriptor            instance cluster 0
/// 0x00220000..0x00221000  node directory (guest kernel data) instance cluster 0
/// 0x00230000..0x00240000  call-ins: one per processor         instance cluster 0
/// 0x00300000..0x00304000  boot loader copy                   instance cluster 0
/// 0x00400000..0x01000000  kernel (load address, 12 MiB max)  instance cluster 0
/// </code>
/// The HAT code is at the same offset in both RAMs: a core fetching at that offset in machine
/// space before activation (hypervisor cluster) lands in the copy (instance cluster 0) after it.
/// </summary>
public static class BootLayout
{
    /// <summary>RAM a cluster needs to hold the layout.</summary>
    public const long MinimumRam = 0x0100_0000;

    public const uint HypervisorDataOffset = 0x0000_0000;
    public const uint HypervisorDataSize = 0x0010_0000;

    public const uint CoreAssignmentsOffset = 0x0001_0000;
    public const uint CoreAssignmentSize = 0x40;

    public const uint HatCodeOffset = 0x0010_0000;

    public const uint ArchInfoOffset = 0x0020_0000;
    public const uint ArchInfoSize = 0x0001_0000;

    public const uint KernelDescriptorOffset = 0x0021_0000;
    public const uint KernelDescriptorSize = 0x0000_1000;

    /// <summary>Where the guest's boot core leaves the node's address for the other cores, before it wakes them.</summary>
    public const uint NodeDirectoryOffset = 0x0022_0000;
    public const uint NodeDirectorySize = 0x0000_1000;

    /// <summary>
    /// Where each non-boot processor, once in the boot loader, says it is there (Linux's "callin"):
    /// it has read the mailbox that woke it, so the kernel may write that mailbox again.
    /// </summary>
    public const uint CallInsOffset = 0x0023_0000;
    public const uint CallInSize = 0x40;
    public const uint CallInsSize = 0x0001_0000;

    /// <summary>Processors an instance may have: every call-in fits in its region.</summary>
    public const int MaxProcessors = (int)(CallInsSize / CallInSize);

    public const uint BootLoaderOffset = 0x0030_0000;

    public const uint KernelLoadOffset = 0x0040_0000;
    public const uint KernelMaxSize = 0x00C0_0000;

    public static uint HatCodeSize => RomImage.HatActivation.Length;

    public static uint BootLoaderSize => RomImage.BootLoader.Length;

    /// <summary>Where the hypervisor keeps the <see cref="CoreAssignment"/> of core <paramref name="core"/> of <paramref name="cluster"/>.</summary>
    public static MachineAddress CoreAssignmentOf(ClusterId cluster, int core)
    {
        if (core is < 0 or >= MachineSpec.MaxCoresPerCluster)
        {
            throw new ArgumentException($"core must be between 0 and {MachineSpec.MaxCoresPerCluster - 1}, got {core}");
        }
        var slot = (uint)((cluster.Index * MachineSpec.MaxCoresPerCluster) + core);
        return new MachineAddress(MachineSpec.HypervisorCluster, CoreAssignmentsOffset + (slot * CoreAssignmentSize));
    }

    /// <summary>The HAT code copy as the hypervisor (and a core before activation) addresses it.</summary>
    public static MachineAddress HatCodeInHypervisorCluster => new(MachineSpec.HypervisorCluster, HatCodeOffset);

    /// <summary>The same fetch address read through an active HAT: the copy in instance cluster 0.</summary>
    public static InstanceAddress HatCodeInInstance => new(0, HatCodeOffset);

    public static InstanceAddress ArchInfo => new(0, ArchInfoOffset);

    public static InstanceAddress KernelDescriptor => new(0, KernelDescriptorOffset);

    public static InstanceAddress NodeDirectory => new(0, NodeDirectoryOffset);

    public static InstanceAddress BootLoader => new(0, BootLoaderOffset);

    /// <summary>The call-in of Off++ processor <paramref name="processor"/> (get_procinfo order).</summary>
    public static InstanceAddress CallIn(int processor)
    {
        if (processor is < 0 or >= MaxProcessors)
        {
            throw new ArgumentException($"processor must be between 0 and {MaxProcessors - 1}, got {processor}");
        }
        return new InstanceAddress(0, CallInsOffset + ((uint)processor * CallInSize));
    }

    public static InstanceAddress KernelLoad => new(0, KernelLoadOffset);

    /// <summary>Every reserved region; no two that share a RAM overlap.</summary>
    public static ValueList<LayoutRegion> Regions { get; } = ValueList.Of(
        new LayoutRegion("hypervisor data", HypervisorDataOffset, HypervisorDataSize, LayoutPlace.HypervisorCluster),
        new LayoutRegion("HAT activation code", HatCodeOffset, HatCodeSize, LayoutPlace.Both),
        new LayoutRegion("arch-info", ArchInfoOffset, ArchInfoSize, LayoutPlace.InstanceCluster0),
        new LayoutRegion("kernel image descriptor", KernelDescriptorOffset, KernelDescriptorSize, LayoutPlace.InstanceCluster0),
        new LayoutRegion("node directory", NodeDirectoryOffset, NodeDirectorySize, LayoutPlace.InstanceCluster0),
        new LayoutRegion("call-ins", CallInsOffset, CallInsSize, LayoutPlace.InstanceCluster0),
        new LayoutRegion("boot loader", BootLoaderOffset, BootLoaderSize, LayoutPlace.InstanceCluster0),
        new LayoutRegion("kernel", KernelLoadOffset, KernelMaxSize, LayoutPlace.InstanceCluster0));
}
