using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;

namespace ActorHyper.Hardware.Guest;

/// <summary>
/// The KVM's region allocator, just enough for <c>create_region</c>: page-aligned regions handed
/// out one after the other from the KVM start to the end of its memory bank. Nothing is freed
/// during boot, so a bump pointer is the whole story.
/// </summary>
public sealed class KvmAllocator
{
    /// <summary>The size of <c>create_region()</c> without arguments: one page (the relocation table's first).</summary>
    public const uint DefaultRegionSize = KernelMemory.PageSize;

    private readonly List<KvmRegion> regions = [];

    /// <summary>Regions from <paramref name="start"/> (rounded up to a page) to the end of <paramref name="bank"/>.</summary>
    public KvmAllocator(MemoryBankInfo bank, InstanceAddress start)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var bankStart = (ulong)bank.Base.Offset;
        BankEndOffset = bankStart + (ulong)bank.Size;
        if (start.InstanceCluster != bank.InstanceCluster || start.Offset < bankStart || start.Offset > BankEndOffset)
        {
            throw new ArgumentException($"the KVM start {start} is outside memory bank {bank.Index} ({bank.Base}, 0x{bank.Size:X} bytes)");
        }
        Bank = bank;
        NextOffset = Math.Min(KernelMemory.RoundUpToPage(start.Offset), BankEndOffset);
    }

    public MemoryBankInfo Bank { get; }

    /// <summary>The offset just past the bank (64-bit: a bank may end exactly at 4 GiB).</summary>
    public ulong BankEndOffset { get; }

    /// <summary>Where the next region will start.</summary>
    public ulong NextOffset { get; private set; }

    public ulong Remaining => BankEndOffset - NextOffset;

    /// <summary>Every region created so far, in order.</summary>
    public IReadOnlyList<KvmRegion> Regions => regions;

    /// <summary>The KVM as <c>kvm.start(n_mbank[last].get_kend(), dtlb)</c> sets it up: from the last bank's kernel end.</summary>
    public static KvmAllocator For(MachineDependentInfo info, KernelImageDescriptor kernel)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new KvmAllocator(info.MemoryBanks[^1], KernelMemory.KvmStart(info, kernel));
    }

    /// <summary>
    /// <c>create_region</c>: the next <paramref name="size"/> bytes, rounded up to a page, right
    /// after the previous region; refused (nothing allocated) if empty or past the bank's end.
    /// </summary>
    public KvmRegionResult CreateRegion(uint size = DefaultRegionSize)
    {
        if (size == 0)
        {
            return KvmRegionResult.Refused("cannot create an empty KVM region");
        }
        var rounded = KernelMemory.RoundUpToPage(size);
        if (rounded > Remaining || rounded > uint.MaxValue)
        {
            return KvmRegionResult.Refused(
                $"cannot create a KVM region of 0x{rounded:X} bytes at k{Bank.InstanceCluster}:0x{NextOffset:X8}: " +
                $"memory bank {Bank.Index} ends at k{Bank.InstanceCluster}:0x{BankEndOffset:X8} (0x{Remaining:X} bytes left)");
        }
        var region = new KvmRegion(new InstanceAddress(Bank.InstanceCluster, (uint)NextOffset), (uint)rounded);
        NextOffset += rounded;
        regions.Add(region);
        return KvmRegionResult.Created(region);
    }
}
