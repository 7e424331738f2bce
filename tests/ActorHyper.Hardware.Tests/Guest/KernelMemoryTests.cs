using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Guest;

namespace ActorHyper.Hardware.Tests.Guest;

public class KernelMemoryTests
{
    private static readonly KernelImageDescriptor Kernel = KernelImageDescriptor.AtLoadAddress("off++", 0x12345);

    [Fact]
    public void Bank_0_kernel_memory_ends_after_the_loaded_kernel_rounded_up_to_a_page()
    {
        var info = GuestInstances.Instance6();
        Assert.Equal(new InstanceAddress(0, 0x0041_3000), KernelMemory.KernelEnd(info.MemoryBanks[0], Kernel));
        Assert.Equal(
            new InstanceAddress(0, BootLayout.KernelLoadOffset + 0x2000),
            KernelMemory.KernelEnd(info.MemoryBanks[0], KernelImageDescriptor.AtLoadAddress("off++", 0x2000)));
    }

    [Fact]
    public void Other_banks_reserve_the_boot_layout_region_and_the_KVM_starts_at_the_last_banks_kernel_end()
    {
        var info = GuestInstances.Instance6();
        Assert.Equal(new InstanceAddress(1, (uint)BootLayout.MinimumRam), KernelMemory.KernelEnd(info.MemoryBanks[1], Kernel));
        Assert.Equal(new InstanceAddress(1, 0x0100_0000), KernelMemory.KvmStart(info, Kernel));
        Assert.Equal(new InstanceAddress(0, 0x0041_3000), KernelMemory.KvmStart(GuestInstances.Instance6(clusters: 1), Kernel));
    }

    [Fact]
    public void A_kernel_not_at_its_load_address_or_a_bank_too_small_is_rejected()
    {
        var info = GuestInstances.Instance6();
        var elsewhere = new KernelImageDescriptor("off++", 0, 0x1000, new InstanceAddress(0, 0x0050_0000), new InstanceAddress(0, 0x0050_0000));
        Assert.Throws<ArgumentException>(() => KernelMemory.KernelEnd(info.MemoryBanks[0], elsewhere));
        var small = info.MemoryBanks[1] with { Size = 0x0080_0000 };
        var error = Assert.Throws<ArgumentException>(() => KernelMemory.KernelEnd(small, Kernel));
        Assert.Equal("memory bank 1 (0x800000 bytes) is smaller than its kernel memory (0x1000000 bytes)", error.Message);
    }

    [Fact]
    public void KVM_regions_are_page_aligned_and_consecutive_from_the_KVM_start()
    {
        var kvm = KvmAllocator.For(GuestInstances.Instance6(), Kernel);
        var relocationTable = kvm.CreateRegion();
        var odd = kvm.CreateRegion(0x1801);
        var third = kvm.CreateRegion(0x1000);

        Assert.Equal(new KvmRegion(new InstanceAddress(1, 0x0100_0000), 0x1000), relocationTable.Region);
        Assert.Equal(new KvmRegion(new InstanceAddress(1, 0x0100_1000), 0x2000), odd.Region);
        Assert.Equal(new KvmRegion(new InstanceAddress(1, 0x0100_3000), 0x1000), third.Region);
        Assert.Equal(3, kvm.Regions.Count);
        for (var i = 1; i < kvm.Regions.Count; i++)
        {
            Assert.Equal(kvm.Regions[i - 1].EndOffset, kvm.Regions[i].Base.Offset);
        }
        Assert.All(kvm.Regions, region => Assert.Equal(0u, (region.Base.Offset | region.Size) % KernelMemory.PageSize));
    }

    [Fact]
    public void An_unaligned_start_is_rounded_up_to_a_page()
    {
        var bank = GuestInstances.Instance6().MemoryBanks[0];
        var kvm = new KvmAllocator(bank, new InstanceAddress(0, 0x0041_2345));
        Assert.Equal(new InstanceAddress(0, 0x0041_3000), kvm.CreateRegion().Region!.Base);
    }

    [Fact]
    public void A_region_past_the_end_of_the_bank_is_refused_with_a_reason_and_nothing_is_allocated()
    {
        var kvm = KvmAllocator.For(GuestInstances.Instance6(), Kernel);
        Assert.True(kvm.CreateRegion(0x02FF_F000).Succeeded);

        var refused = kvm.CreateRegion(0x2000);

        Assert.False(refused.Succeeded);
        Assert.Null(refused.Region);
        Assert.Equal(
            "cannot create a KVM region of 0x2000 bytes at k1:0x03FFF000: memory bank 1 ends at k1:0x04000000 (0x1000 bytes left)",
            refused.Refusal);
        Assert.Single(kvm.Regions);
        Assert.Equal(0x1000UL, kvm.Remaining);
        Assert.Equal(new KvmRegion(new InstanceAddress(1, 0x03FF_F000), 0x1000), kvm.CreateRegion().Region);
        Assert.Equal(0UL, kvm.Remaining);
        Assert.Equal("cannot create an empty KVM region", kvm.CreateRegion(0).Refusal);
    }

    [Fact]
    public void A_start_outside_the_bank_is_rejected()
    {
        var bank = GuestInstances.Instance6().MemoryBanks[1];
        Assert.Throws<ArgumentException>(() => new KvmAllocator(bank, new InstanceAddress(0, 0x0100_0000)));
        Assert.Throws<ArgumentException>(() => new KvmAllocator(bank, new InstanceAddress(1, 0x0400_1000)));
    }
}
