using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>The shell does not block on a launch: a second <c>run</c> starts while the first is under way, and they never share anything.</summary>
public sealed class OverlappingLaunchTests
{
    [Theory]
    [InlineData(ExecutionMode.Controlled, 1UL)]
    [InlineData(ExecutionMode.Controlled, 2UL)]
    [InlineData(ExecutionMode.Controlled, 3UL)]
    [InlineData(ExecutionMode.Concurrent, 1UL)]
    public async Task Overlapping_launches_get_disjoint_clusters_and_channels_and_both_run(ExecutionMode mode, ulong seed)
    {
        await using var hv = TestHypervisor.Started(mode, seed: seed);
        var steps = hv.Events<InstanceStepCompleted>();
        hv.TypeAhead("run -nc 3 -i 1");
        hv.TypeAhead("run -nc 2 -i 2");
        hv.TypeAhead("run -nc 4 -i 3");
        var launched = Enumerable.Range(0, 3).Select(_ => hv.Probe.Expect<ShellReply>()).ToList();
        Assert.All(launched, reply => Assert.True(reply.Succeeded, reply.Error));

        // The second and third allocations happened before the first launch's hand-off.
        var order = hv.Received(steps).OfType<InstanceStepCompleted>().ToList();
        var firstHandOff = order.FindIndex(e => e.InstanceId == 1 && e.Step == InstanceStep.HandOff);
        var lastAllocate = order.FindIndex(e => e.InstanceId == 3 && e.Step == InstanceStep.Allocate);
        if (mode == ExecutionMode.Controlled)
        {
            Assert.True(lastAllocate >= 0 && lastAllocate < firstHandOff, "the launches did not overlap");
        }

        var table = hv.Ok<InstanceTable>("wait").Instances;
        Assert.Equal([1, 2, 3], table.Select(i => i.Id));
        Assert.All(table, i => Assert.Equal(InstanceState.Running, i.State));
        var clusters = table.SelectMany(i => i.Clusters).ToList();
        Assert.Equal(clusters.Count, clusters.Distinct().Count());
        Assert.DoesNotContain(Hardware.MachineSpec.HypervisorCluster, clusters);
        Assert.Equal(3, table.Select(i => i.Ioc).Distinct().Count());
        Assert.Equal(3, table.Select(i => i.Tty).Distinct().Count());
        Assert.All(table, i => Assert.Equal(i.Tty, i.Fb));
        Assert.Equal(9 * hv.Spec.CoresPerCluster, table.Sum(i => i.Cores));
    }
}
