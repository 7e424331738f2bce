using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Tests;

public class AddressTests
{
    [Fact]
    public void ClusterId_index_round_trips_for_every_cluster()
    {
        for (var index = 0; index < 256; index++)
        {
            var cluster = ClusterId.FromIndex(index);
            Assert.Equal(index, cluster.Index);
            Assert.Equal(index >> 4, cluster.X);
            Assert.Equal(index & 0xF, cluster.Y);
            Assert.Equal(cluster, new ClusterId(cluster.X, cluster.Y));
        }
    }

    [Fact]
    public void ClusterId_puts_x_in_the_high_nibble_and_prints_as_a_pair()
    {
        var cluster = new ClusterId(1, 2);
        Assert.Equal(0x12, cluster.Index);
        Assert.Equal("(1,2)", cluster.ToString());
    }

    [Fact]
    public void ClusterId_rejects_coordinates_outside_4_bits()
    {
        Assert.Equal("cluster x must be between 0 and 15, got 16", Assert.Throws<ArgumentException>(() => new ClusterId(16, 0)).Message);
        Assert.Equal("cluster y must be between 0 and 15, got -1", Assert.Throws<ArgumentException>(() => new ClusterId(0, -1)).Message);
        Assert.Equal("cluster index must be between 0 and 255, got 256", Assert.Throws<ArgumentException>(() => ClusterId.FromIndex(256)).Message);
    }

    [Fact]
    public void Machine_addresses_round_trip_through_raw_values()
    {
        var random = new Xorshift(40);
        for (var i = 0; i < 10_000; i++)
        {
            var raw = random.Next() & MachineAddress.MaxRaw;
            var address = MachineAddress.FromRaw(raw);
            Assert.Equal(raw, address.Raw);
            Assert.Equal((int)(raw >> 32), address.Cluster.Index);
            Assert.Equal((uint)raw, address.Offset);
            Assert.Equal(address, MachineAddress.FromRaw(new MachineAddress(address.Cluster, address.Offset).Raw));
        }
    }

    [Fact]
    public void Instance_addresses_round_trip_through_raw_values()
    {
        var random = new Xorshift(41);
        for (var i = 0; i < 10_000; i++)
        {
            var raw = random.Next() & InstanceAddress.MaxRaw;
            var address = InstanceAddress.FromRaw(raw);
            Assert.Equal(raw, address.Raw);
            Assert.Equal((int)(raw >> 32), address.InstanceCluster);
            Assert.Equal(address, new InstanceAddress(address.InstanceCluster, address.Offset));
        }
    }

    [Fact]
    public void Extreme_raw_values_round_trip()
    {
        foreach (var raw in new[] { 0UL, 1UL, 0xFFFF_FFFFUL, 0x1_0000_0000UL, MachineAddress.MaxRaw })
        {
            Assert.Equal(raw, MachineAddress.FromRaw(raw).Raw);
            Assert.Equal(raw, InstanceAddress.FromRaw(raw).Raw);
        }
    }

    [Fact]
    public void Raw_values_wider_than_40_bits_are_rejected()
    {
        Assert.Equal(
            "machine address 0x10000000000 is wider than 40 bits",
            Assert.Throws<ArgumentException>(() => MachineAddress.FromRaw(1UL << 40)).Message);
        Assert.Equal(
            "instance address 0x10000000000 is wider than 40 bits",
            Assert.Throws<ArgumentException>(() => InstanceAddress.FromRaw(1UL << 40)).Message);
    }

    [Fact]
    public void Addresses_print_their_space_and_a_hex_offset()
    {
        Assert.Equal("(1,2):0x00400000", new MachineAddress(new ClusterId(1, 2), 0x40_0000).ToString());
        Assert.Equal("k1:0x00400000", new InstanceAddress(1, 0x40_0000).ToString());
        Assert.Equal("k255:0xF5000000", new InstanceAddress(255, 0xF500_0000).ToString());
    }

    [Fact]
    public void The_same_raw_value_is_a_different_address_in_each_space()
    {
        var raw = 0x05_0000_1000UL;
        Assert.Equal("(0,5):0x00001000", new TaggedAddress(AddressSpace.Machine, raw).ToString());
        Assert.Equal("k5:0x00001000", new TaggedAddress(AddressSpace.Instance, raw).ToString());
        Assert.NotEqual(TaggedAddress.Machine(MachineAddress.FromRaw(raw)), TaggedAddress.Instance(InstanceAddress.FromRaw(raw)));
    }

    [Fact]
    public void Plus_stays_in_the_cluster_and_refuses_to_wrap()
    {
        Assert.Equal(new InstanceAddress(2, 0x110), new InstanceAddress(2, 0x100).Plus(0x10));
        Assert.Equal(new MachineAddress(new ClusterId(3, 3), 0x110), new MachineAddress(new ClusterId(3, 3), 0x100).Plus(0x10));
        Assert.Throws<ArgumentException>(() => new InstanceAddress(2, 0xFFFF_FFF0).Plus(0x10));
        Assert.Throws<ArgumentException>(() => new MachineAddress(default, 0xFFFF_FFF0).Plus(0x10));
    }

    [Fact]
    public void Instance_cluster_numbers_are_8_bits()
    {
        Assert.Equal(
            "instance cluster must be between 0 and 255, got 256",
            Assert.Throws<ArgumentException>(() => new InstanceAddress(256, 0)).Message);
    }
}
