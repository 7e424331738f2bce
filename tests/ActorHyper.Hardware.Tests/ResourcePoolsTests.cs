using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Hardware.Tests;

public class ResourcePoolsTests
{
    private static ClusterId C(int x, int y) => new(x, y);

    [Fact]
    public void A_granted_allocation_holds_clusters_IOC_I_and_a_TTY_FB_pair()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        var result = pools.TryAllocate(6, 2);
        Assert.True(result.Succeeded);
        var allocation = result.Allocation!;
        Assert.Equal(6, allocation.InstanceId);
        Assert.Equal(6, allocation.IocChannel);
        Assert.Equal(0, allocation.TtyChannel);
        Assert.Equal(allocation.TtyChannel, allocation.FbChannel);
        Assert.Equal(2, allocation.ClusterCount);
        Assert.All(allocation.Clusters, cluster => Assert.Equal(ClusterOwner.Instance(6), pools.OwnerOf(cluster)));
        Assert.Equal(6, pools.Ioc.OwnerOf(6));
        Assert.Equal(6, pools.Tty.OwnerOf(0));
        Assert.Equal(6, pools.Fb.OwnerOf(0));
        Assert.Same(allocation, pools.AllocationOf(6));
    }

    [Fact]
    public void Compact_placement_picks_the_smallest_squarest_box_first_by_position()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        Assert.Equal(ValueList.Of(C(0, 1), C(0, 2), C(1, 1), C(1, 2)), pools.TryAllocate(1, 4).Allocation!.Clusters);
        Assert.Equal(ValueList.Of(C(2, 0), C(2, 1), C(3, 0), C(3, 1)), pools.TryAllocate(2, 4).Allocation!.Clusters);
        Assert.Equal(ValueList.Of(C(0, 3)), pools.TryAllocate(3, 1).Allocation!.Clusters);

        var fresh = new ResourcePools(MachineSpec.Tsar4x4);
        // Area 3 beats the 2x2 around the hypervisor cluster; the narrow column comes first.
        Assert.Equal(ValueList.Of(C(0, 1), C(0, 2), C(0, 3)), fresh.TryAllocate(0, 3).Allocation!.Clusters);
    }

    [Fact]
    public void The_hypervisor_finds_the_machine_address_behind_an_instance_address_without_a_HAT()
    {
        var allocation = new ResourcePools(MachineSpec.Tsar4x4).TryAllocate(6, 2).Allocation!;
        Assert.Equal(new MachineAddress(allocation.Clusters[1], 0x20_0000), allocation.MachineAddressOf(new InstanceAddress(1, 0x20_0000)));
        Assert.Equal(
            "instance cluster 2 is outside instance 6 (2 clusters)",
            Assert.Throws<ArgumentException>(() => allocation.MachineAddressOf(new InstanceAddress(2, 0))).Message);
        Assert.Equal(1, allocation.InstanceClusterOf(allocation.Clusters[1]));
        Assert.Null(allocation.InstanceClusterOf(MachineSpec.HypervisorCluster));
    }

    [Fact]
    public void Compact_placement_never_hands_out_the_hypervisor_cluster()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        var all = pools.TryAllocate(0, 15).Allocation!;
        Assert.DoesNotContain(MachineSpec.HypervisorCluster, all.Clusters);
        Assert.Equal(MachineSpec.Tsar4x4.Clusters().Skip(1), all.Clusters);
        Assert.Equal(ClusterOwner.Hypervisor, pools.OwnerOf(MachineSpec.HypervisorCluster));
    }

    [Fact]
    public void Compact_placement_is_deterministic_and_consecutive_allocations_are_disjoint()
    {
        static ValueList<Allocation> Run()
        {
            var pools = new ResourcePools(MachineSpec.Tsar16x16);
            var sizes = new[] { 3, 7, 1, 16, 5, 2, 9, 4 };
            return sizes.Select((size, i) => pools.TryAllocate(i, size).Allocation!).ToValueList();
        }

        var first = Run();
        Assert.Equal(first, Run());
        var clusters = first.SelectMany(allocation => allocation.Clusters).ToList();
        Assert.Equal(clusters.Count, clusters.Distinct().Count());
        Assert.DoesNotContain(MachineSpec.HypervisorCluster, clusters);
    }

    [Fact]
    public void Compact_placement_has_the_smallest_possible_bounding_box()
    {
        var spec = MachineSpec.Tsar4x4;
        var random = new Xorshift(2024);
        for (var trial = 0; trial < 40; trial++)
        {
            var freeMask = (int)(random.Next() & 0xFFFF);
            bool IsFree(ClusterId cluster) => (freeMask & (1 << Bit(cluster))) != 0;
            var freeCount = System.Numerics.BitOperations.PopCount((uint)freeMask);
            if (freeCount == 0)
            {
                continue;
            }
            var count = 1 + random.Next(freeCount);
            var chosen = CompactPlacement.Choose(spec, IsFree, count)!;
            Assert.Equal(count, chosen.Count);
            Assert.All(chosen, cluster => Assert.True(IsFree(cluster)));
            Assert.Equal(chosen.Order(), chosen);
            Assert.Equal(BestArea(freeMask, count), BoxArea(chosen));
        }
    }

    [Fact]
    public void Compact_placement_returns_null_when_too_few_are_free()
    {
        Assert.Null(CompactPlacement.Choose(MachineSpec.Tsar2x2, cluster => cluster.X == 1, 3));
    }

    [Fact]
    public void The_TTY_is_the_lowest_channel_whose_FB_channel_is_also_free()
    {
        var spec = MachineSpec.Tsar4x4 with { TtyChannels = 4, FbChannels = 4 };
        var pools = new ResourcePools(spec);
        var a = pools.TryAllocate(0, 1).Allocation!;
        var b = pools.TryAllocate(1, 1).Allocation!;
        var c = pools.TryAllocate(2, 1).Allocation!;
        Assert.Equal((0, 1, 2), (a.TtyChannel, b.TtyChannel, c.TtyChannel));
        pools.Release(b);
        Assert.Equal(1, pools.TryAllocate(3, 1).Allocation!.TtyChannel);
    }

    [Fact]
    public void A_TTY_channel_without_an_FB_channel_of_the_same_index_is_not_used()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4 with { TtyChannels = 4, FbChannels = 1 });
        Assert.True(pools.TryAllocate(0, 1).Succeeded);
        Assert.Equal(
            "no TTY channel is free together with the FB channel of the same index",
            pools.TryAllocate(1, 1).Refusal);
    }

    [Fact]
    public void Every_refusal_names_its_reason_and_allocates_nothing()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4 with { TtyChannels = 2, FbChannels = 2 });
        pools.TryAllocate(6, 13);
        pools.TryAllocate(7, 1);
        var before = pools.Snapshot();

        var refusals = new (int Instance, int Count, string Reason)[]
        {
            (1, 0, "cluster count must be at least 1, got 0"),
            (1, -3, "cluster count must be at least 1, got -3"),
            (1, 2, "cannot allocate 2 clusters: only 1 is free"),
            (16, 1, "instance 16 has no IOC channel: instances are numbered 0..15"),
            (-1, 1, "instance -1 has no IOC channel: instances are numbered 0..15"),
            (6, 1, "instance 6 is already in use (IOC channel 6 is taken)"),
            (1, 1, "no TTY channel is free together with the FB channel of the same index"),
        };
        foreach (var (instance, count, reason) in refusals)
        {
            var result = pools.TryAllocate(instance, count);
            Assert.False(result.Succeeded);
            Assert.Null(result.Allocation);
            Assert.Equal(reason, result.Refusal);
            Assert.Equal(before, pools.Snapshot());
        }
    }

    [Fact]
    public void Too_many_clusters_says_how_many_are_free_in_the_plural()
    {
        Assert.Equal(
            "cannot allocate 16 clusters: only 15 are free",
            new ResourcePools(MachineSpec.Tsar4x4).TryAllocate(0, 16).Refusal);
    }

    [Fact]
    public void Release_returns_everything()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        var fresh = pools.Snapshot();
        var a = pools.TryAllocate(3, 5).Allocation!;
        var b = pools.TryAllocate(9, 2).Allocation!;
        pools.Release(a);
        pools.Release(b);
        Assert.Equal(fresh, pools.Snapshot());
        Assert.Equal(15, pools.Snapshot().FreeClusters);
        Assert.Equal(16, pools.Snapshot().FreeTty);
        Assert.Empty(pools.Allocations);
    }

    [Fact]
    public void Releasing_what_is_not_held_throws_and_changes_nothing()
    {
        var pools = new ResourcePools(MachineSpec.Tsar4x4);
        var a = pools.TryAllocate(3, 2).Allocation!;
        var before = pools.Snapshot();
        var forged = a with { Clusters = ValueList.Of(C(3, 3), C(3, 2)) };
        Assert.StartsWith("cannot release instance 3: clusters (3,3) (3,2), IOC 3, TTY 0, FB 0: it does not match what instance 3 holds (", Assert.Throws<InvalidOperationException>(() => pools.Release(forged)).Message);
        Assert.Equal(before, pools.Snapshot());
        pools.Release(a);
        Assert.Equal("instance 3 holds no allocation", Assert.Throws<InvalidOperationException>(() => pools.Release(a)).Message);
    }

    [Fact]
    public void The_snapshot_shows_every_cluster_owner_and_the_free_counts()
    {
        var pools = new ResourcePools(MachineSpec.Tsar2x2);
        pools.TryAllocate(5, 2);
        var snapshot = pools.Snapshot();
        Assert.Equal(
            ValueList.Of(
                new ClusterOwnership(C(0, 0), ClusterOwner.Hypervisor),
                new ClusterOwnership(C(0, 1), ClusterOwner.Instance(5)),
                new ClusterOwnership(C(1, 0), ClusterOwner.Free),
                new ClusterOwnership(C(1, 1), ClusterOwner.Instance(5))),
            snapshot.Clusters);
        Assert.Equal((1, 7, 7, 7), (snapshot.FreeClusters, snapshot.FreeIoc, snapshot.FreeTty, snapshot.FreeFb));
        Assert.Equal("hypervisor", ClusterOwner.Hypervisor.ToString());
        Assert.Equal("instance 5", ClusterOwner.Instance(5).ToString());
    }

    [Fact]
    public void Random_launches_and_kills_keep_the_pools_consistent_and_end_where_they_started()
    {
        var spec = MachineSpec.Tsar16x16;
        var pools = new ResourcePools(spec);
        var fresh = pools.Snapshot();
        var random = new Xorshift(16);
        for (var step = 0; step < 600; step++)
        {
            var live = pools.Allocations;
            if (live.Count > 0 && random.Next(3) == 0)
            {
                pools.Release(live[random.Next(live.Count)]);
            }
            else
            {
                pools.TryAllocate(random.Next(spec.IocChannels + 2) - 1, 1 + random.Next(12));
            }
            CheckConsistent(pools);
        }
        foreach (var allocation in pools.Allocations)
        {
            pools.Release(allocation);
        }
        Assert.Equal(fresh, pools.Snapshot());
    }

    private static void CheckConsistent(ResourcePools pools)
    {
        var snapshot = pools.Snapshot();
        var held = snapshot.Allocations.SelectMany(a => a.Clusters.Select(cluster => (cluster, a.InstanceId))).ToList();
        Assert.Equal(held.Count, held.Select(h => h.cluster).Distinct().Count());
        foreach (var entry in snapshot.Clusters)
        {
            var owners = held.Where(h => h.cluster == entry.Cluster).Select(h => h.InstanceId).ToList();
            var expected = entry.Cluster == MachineSpec.HypervisorCluster
                ? ClusterOwner.Hypervisor
                : owners.Count == 0 ? ClusterOwner.Free : ClusterOwner.Instance(owners[0]);
            Assert.Equal(expected, entry.Owner);
        }
        foreach (var allocation in snapshot.Allocations)
        {
            Assert.Equal(allocation.TtyChannel, allocation.FbChannel);
            Assert.Equal(allocation.InstanceId, snapshot.IocOwners[allocation.IocChannel]);
            Assert.Equal(allocation.InstanceId, snapshot.TtyOwners[allocation.TtyChannel]);
            Assert.Equal(allocation.InstanceId, snapshot.FbOwners[allocation.FbChannel]);
        }
        Assert.Equal(snapshot.Allocations.Count, pools.Spec.TtyChannels - snapshot.FreeTty);
        Assert.Equal(snapshot.Allocations.Count, pools.Spec.IocChannels - snapshot.FreeIoc);
    }

    // Position of a 4x4 cluster in a 16-bit mask.
    private static int Bit(ClusterId cluster) => (cluster.X * 4) + cluster.Y;

    private static int BoxArea(IEnumerable<ClusterId> clusters)
    {
        var list = clusters.ToList();
        return (list.Max(c => c.X) - list.Min(c => c.X) + 1) * (list.Max(c => c.Y) - list.Min(c => c.Y) + 1);
    }

    // Brute force over every subset of the free clusters with the right size.
    private static int BestArea(int freeMask, int count)
    {
        var best = int.MaxValue;
        for (var subset = freeMask; subset > 0; subset = (subset - 1) & freeMask)
        {
            if (System.Numerics.BitOperations.PopCount((uint)subset) == count)
            {
                best = Math.Min(best, BoxArea(Enumerable.Range(0, 16).Where(i => (subset & (1 << i)) != 0).Select(i => C(i / 4, i % 4))));
            }
        }
        return best;
    }
}
