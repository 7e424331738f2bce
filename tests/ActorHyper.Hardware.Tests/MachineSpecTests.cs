using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Tests;

public class MachineSpecTests
{
    public static TheoryData<string> Presets => new() { "2x2", "4x4", "16x16" };

    private static MachineSpec Preset(string name) => name switch
    {
        "2x2" => MachineSpec.Tsar2x2,
        "4x4" => MachineSpec.Tsar4x4,
        _ => MachineSpec.Tsar16x16,
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Presets_validate(string name)
    {
        Assert.Empty(Preset(name).Validate());
    }

    [Fact]
    public void The_default_is_16_clusters_of_4_cores()
    {
        Assert.Same(MachineSpec.Tsar4x4, MachineSpec.Default);
        Assert.Equal(16, MachineSpec.Default.ClusterCount);
        Assert.Equal(64, MachineSpec.Default.CoreCount);
    }

    [Fact]
    public void The_16x16_preset_has_1024_cores_and_at_least_64_channels_of_each_kind()
    {
        var spec = MachineSpec.Tsar16x16;
        Assert.Equal(1024, spec.CoreCount);
        Assert.True(spec.IocChannels >= 64);
        Assert.True(spec.TtyChannels >= 64);
        Assert.True(spec.FbChannels >= 64);
    }

    [Fact]
    public void The_hypervisor_cluster_is_0_0_and_is_in_every_preset()
    {
        Assert.Equal(new ClusterId(0, 0), MachineSpec.HypervisorCluster);
        Assert.True(MachineSpec.Tsar2x2.Contains(MachineSpec.HypervisorCluster));
    }

    [Fact]
    public void A_mesh_dimension_out_of_range_names_the_field()
    {
        Assert.Equal("mesh.x must be between 1 and 16, got 17", Assert.Single((MachineSpec.Tsar4x4 with { MeshX = 17 }).Validate()));
        Assert.Equal("mesh.y must be between 1 and 16, got 0", Assert.Single((MachineSpec.Tsar4x4 with { MeshY = 0 }).Validate()));
    }

    [Fact]
    public void Each_field_is_checked()
    {
        var spec = MachineSpec.Tsar4x4;
        Assert.Equal("cores-per-cluster must be between 1 and 4, got 5", Assert.Single((spec with { CoresPerCluster = 5 }).Validate()));
        Assert.Equal("ioc-channels must be between 1 and 256, got 0", Assert.Single((spec with { IocChannels = 0 }).Validate()));
        Assert.Equal("tty-channels must be between 1 and 256, got 257", Assert.Single((spec with { TtyChannels = 257 }).Validate()));
        Assert.Equal("fb-channels must be between 1 and 256, got -1", Assert.Single((spec with { FbChannels = -1 }).Validate()));
        Assert.Equal("io-cluster must be inside the 4x4 mesh, got (4,0)", Assert.Single((spec with { IoCluster = new ClusterId(4, 0) }).Validate()));
    }

    [Fact]
    public void RAM_must_hold_the_boot_layout_and_end_below_the_ROM()
    {
        var tooBig = (MachineSpec.Tsar4x4 with { RamPerCluster = 4L << 30 }).Validate();
        Assert.Equal(
            "ram-per-cluster must be between 16777216 bytes (the boot layout) and 3217031168 bytes (below the ROM segment at 0xBFC00000), got 4294967296",
            Assert.Single(tooBig));
        Assert.Single((MachineSpec.Tsar4x4 with { RamPerCluster = 1 << 20 }).Validate());
        Assert.Empty((MachineSpec.Tsar4x4 with { RamPerCluster = SegmentMap.MaxRamSize }).Validate());
    }

    [Fact]
    public void WTI_slots_must_cover_the_XICU_layout()
    {
        // 4 IPI + 6 device + 16 Running slots = 26.
        Assert.Equal(
            "wti-slots must be between 26 (4 IPI + 6 device + 16 Running slots) and 1024, got 25",
            Assert.Single((MachineSpec.Tsar4x4 with { WtiSlots = 25 }).Validate()));
        Assert.Empty((MachineSpec.Tsar4x4 with { WtiSlots = 26 }).Validate());
    }

    [Fact]
    public void All_problems_are_listed_and_Validated_throws_them_on_one_line()
    {
        var bad = MachineSpec.Tsar4x4 with { MeshX = 0, CoresPerCluster = 0 };
        Assert.Equal(2, bad.Validate().Count);
        var message = Assert.Throws<ArgumentException>(bad.Validated).Message;
        Assert.StartsWith("invalid machine: mesh.x must be between 1 and 16, got 0; cores-per-cluster", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Clusters_are_listed_in_index_order()
    {
        var clusters = MachineSpec.Tsar2x2.Clusters().ToList();
        Assert.Equal(new ClusterId[] { new(0, 0), new(0, 1), new(1, 0), new(1, 1) }, clusters);
    }
}
