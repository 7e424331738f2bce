using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Guest;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Tests.Guest;

namespace ActorHyper.Hardware.Tests;

/// <summary>The pure logic two protocol variants use: a plan that takes nothing, the unchecked take, the early non-boot cpus.</summary>
public sealed class ProtocolVariantLogicTests
{
    [Fact]
    public void A_plan_takes_nothing_and_an_unchecked_take_of_two_plans_double_books_their_clusters()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        var first = pools.Plan(6, 2).Allocation!;
        var second = pools.Plan(2, 3).Allocation!;
        Assert.Equal(15, pools.Clusters.FreeCount);
        Assert.Equal(first.Clusters, second.Clusters.Take(2));

        pools.TakeUnchecked(first);
        pools.TakeUnchecked(second);

        Assert.Equal(ClusterOwner.Instance(2), pools.OwnerOf(first.Clusters[0]));
        Assert.Equal([2, 6], pools.Allocations.Select(allocation => allocation.InstanceId));
    }

    [Fact]
    public void TryAllocate_still_takes_what_it_plans()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        var granted = pools.TryAllocate(6, 2).Allocation!;
        Assert.Equal(ClusterOwner.Instance(6), pools.OwnerOf(granted.Clusters[0]));
        Assert.NotEqual(granted.Clusters[0], pools.Plan(2, 1).Allocation!.Clusters[0]);
    }

    [Fact]
    public void The_early_nonboot_cpus_plan_starts_processors_1_and_on_before_the_shuttle_server()
    {
        var starts = SrvstartPlan.For(GuestInstances.Instance6(), dtlb: true, nonBootCpusFirst: true).Starts.Select(start => start.Describe()).ToList();
        Assert.True(starts.IndexOf("processor 1") < starts.IndexOf("shuttle server"));
        Assert.Equal("processor 7", starts[starts.IndexOf("shuttle server") - 1]);
        Assert.Equal("DMM", starts[^1]);
    }
}
