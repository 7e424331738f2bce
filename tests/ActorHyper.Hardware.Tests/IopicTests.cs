using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Hardware.Tests;

public class IopicTests
{
    private static readonly ClusterId Target = new(1, 0);

    [Fact]
    public void A_route_can_be_added_and_looked_up_both_ways()
    {
        var iopic = new IopicTable(MachineSpec.Tsar4x4);
        Assert.True(iopic.Add(IrqSource.Ioc(3), new XicuTarget(Target, 4)).IsSuccess);
        Assert.Equal(new XicuTarget(Target, 4), iopic.Lookup(IrqSource.Ioc(3)));
        Assert.Equal(IrqSource.Ioc(3), iopic.SourceOf(new XicuTarget(Target, 4)));
        Assert.Null(iopic.Lookup(IrqSource.Ioc(2)));
    }

    [Fact]
    public void A_second_source_onto_an_occupied_target_is_refused()
    {
        var iopic = new IopicTable(MachineSpec.Tsar4x4);
        iopic.Add(IrqSource.Ioc(3), new XicuTarget(Target, 4));
        var outcome = iopic.Add(IrqSource.Tty(2, 0), new XicuTarget(Target, 4));
        Assert.Equal("(1,0) slot 4 already receives IOC 3", outcome.Refusal);
        Assert.Null(iopic.Lookup(IrqSource.Tty(2, 0)));
    }

    [Fact]
    public void A_source_cannot_be_routed_twice()
    {
        var iopic = new IopicTable(MachineSpec.Tsar4x4);
        iopic.Add(IrqSource.Ioc(3), new XicuTarget(Target, 4));
        Assert.Equal("IOC 3 is already routed to (1,0) slot 4", iopic.Add(IrqSource.Ioc(3), new XicuTarget(Target, 5)).Refusal);
    }

    [Fact]
    public void Sources_and_targets_that_do_not_exist_are_refused()
    {
        var iopic = new IopicTable(MachineSpec.Tsar4x4);
        Assert.Equal("only IOC and TTY interrupts go through the IOPIC, got FBF", iopic.Add(new IrqSource(DeviceKind.Fbf, 0), new XicuTarget(Target, 4)).Refusal);
        Assert.Equal("IOC channel 16 does not exist (16 channels)", iopic.Add(IrqSource.Ioc(16), new XicuTarget(Target, 4)).Refusal);
        Assert.Equal("TTY sub-channel must be between 0 and 3, got 4", iopic.Add(IrqSource.Tty(0, 4), new XicuTarget(Target, 4)).Refusal);
        Assert.Equal("target cluster (4,0) is outside the 4x4 mesh", iopic.Add(IrqSource.Ioc(0), new XicuTarget(new ClusterId(4, 0), 4)).Refusal);
        Assert.Equal("target slot 32 does not exist (32 slots)", iopic.Add(IrqSource.Ioc(0), new XicuTarget(Target, 32)).Refusal);
        Assert.Equal(0, iopic.Count);
    }

    [Fact]
    public void An_instance_routes_go_to_its_cluster_0_device_slots()
    {
        var spec = MachineSpec.Tsar4x4;
        var layout = XicuLayout.For(spec);
        var allocation = new ResourcePools(spec).TryAllocate(6, 2).Allocation!;
        var routes = IopicTable.InstanceRoutes(allocation, layout);
        Assert.Equal(5, routes.Count);
        Assert.Equal(new IopicRoute(IrqSource.Ioc(6), new XicuTarget(allocation.BootCluster, layout.IocSlot)), routes[0]);
        Assert.Equal(new IopicRoute(IrqSource.Tty(allocation.TtyChannel, 3), new XicuTarget(allocation.BootCluster, layout.TtySlot(3))), routes[4]);
    }

    [Fact]
    public void AddAll_adds_everything_or_nothing()
    {
        var spec = MachineSpec.Tsar4x4;
        var layout = XicuLayout.For(spec);
        var pools = new ResourcePools(spec);
        var first = pools.TryAllocate(1, 1).Allocation!;
        var iopic = new IopicTable(spec);
        Assert.True(iopic.AddAll(IopicTable.InstanceRoutes(first, layout)).IsSuccess);

        // Routes that collide on their last entry leave the table as it was.
        var clash = IopicTable.InstanceRoutes(pools.TryAllocate(2, 1).Allocation!, layout)
            .Append(new IopicRoute(IrqSource.Ioc(9), new XicuTarget(first.BootCluster, layout.IocSlot)));
        var before = iopic.Routes;
        Assert.False(iopic.AddAll(clash).IsSuccess);
        Assert.Equal(before, iopic.Routes);
    }

    [Fact]
    public void Removing_an_instance_channels_removes_all_its_routes_and_frees_the_targets()
    {
        var spec = MachineSpec.Tsar4x4;
        var layout = XicuLayout.For(spec);
        var pools = new ResourcePools(spec);
        var a = pools.TryAllocate(1, 1).Allocation!;
        var b = pools.TryAllocate(2, 1).Allocation!;
        var iopic = new IopicTable(spec);
        iopic.AddAll(IopicTable.InstanceRoutes(a, layout));
        iopic.AddAll(IopicTable.InstanceRoutes(b, layout));

        Assert.Equal(5, iopic.RemoveChannels(a.Channels));
        Assert.Equal(IopicTable.InstanceRoutes(b, layout), iopic.Routes);
        Assert.True(iopic.AddAll(IopicTable.InstanceRoutes(a, layout)).IsSuccess);
    }

    [Fact]
    public void Routes_are_listed_in_source_order_whatever_the_insertion_order()
    {
        var iopic = new IopicTable(MachineSpec.Tsar4x4);
        iopic.Add(IrqSource.Tty(1, 2), new XicuTarget(Target, 7));
        iopic.Add(IrqSource.Ioc(5), new XicuTarget(Target, 4));
        iopic.Add(IrqSource.Tty(1, 0), new XicuTarget(Target, 5));
        Assert.Equal(
            new[] { IrqSource.Ioc(5), IrqSource.Tty(1, 0), IrqSource.Tty(1, 2) },
            iopic.Routes.Select(route => route.Source));
    }
}
