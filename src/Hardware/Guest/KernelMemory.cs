using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;

namespace ActorHyper.Hardware.Guest;

/// <summary>
/// Where kernel memory ends in each memory bank (the seed's <c>get_kend</c>), and so where the KVM
/// starts: <c>kvm.start(n_mbank[last].get_kend(), dtlb)</c>.
/// Bank 0 (instance cluster 0) holds the boot layout up to the end of the loaded kernel:
/// <see cref="BootLayout.KernelLoadOffset"/> + the image size, rounded up to a page. Every other
/// bank reserves the same low region the boot layout reserves in bank 0,
/// <see cref="BootLayout.MinimumRam"/>, for its kernel data.
/// </summary>
public static class KernelMemory
{
    public const uint PageSize = 0x1000;

    /// <summary><paramref name="value"/> rounded up to a multiple of <see cref="PageSize"/>.</summary>
    public static ulong RoundUpToPage(ulong value) => (value + PageSize - 1) & ~(ulong)(PageSize - 1);

    /// <summary>The first address after kernel memory in <paramref name="bank"/>.</summary>
    public static InstanceAddress KernelEnd(MemoryBankInfo bank, KernelImageDescriptor kernel)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(kernel);
        if (kernel.LoadAddress != BootLayout.KernelLoad)
        {
            // The boot layout (and so bank 0's kernel memory) assumes the kernel sits at its load address.
            throw new ArgumentException($"the kernel must be loaded at {BootLayout.KernelLoad}, not {kernel.LoadAddress}");
        }
        ulong reserved = bank.InstanceCluster == 0
            ? RoundUpToPage((ulong)BootLayout.KernelLoadOffset + kernel.Size)
            : BootLayout.MinimumRam;
        if (reserved > (ulong)bank.Size)
        {
            throw new ArgumentException(
                $"memory bank {bank.Index} (0x{bank.Size:X} bytes) is smaller than its kernel memory (0x{reserved:X} bytes)");
        }
        return bank.Base.Plus((uint)reserved);
    }

    /// <summary>Where the KVM starts: the kernel end of the last memory bank.</summary>
    public static InstanceAddress KvmStart(MachineDependentInfo info, KernelImageDescriptor kernel)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.MemoryBanks.Count == 0)
        {
            throw new ArgumentException("the KVM starts after the last memory bank's kernel memory, but there are no memory banks");
        }
        return KernelEnd(info.MemoryBanks[^1], kernel);
    }
}
