using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary><c>info</c> and <c>timeline</c>: the launch steps with their times, each core's state, the HAT table.</summary>
public sealed class InfoAndTimelineTests
{
    private static readonly InstanceStep[] Boot =
    [
        InstanceStep.Allocate, InstanceStep.BuildArchInfo, InstanceStep.CopyArchInfo, InstanceStep.CopyKernelDescriptor,
        InstanceStep.CopyBootLoader, InstanceStep.CopyHatCode, InstanceStep.ConfigureHats, InstanceStep.ActivateDmaHats,
        InstanceStep.RouteInterrupts, InstanceStep.AssignCores, InstanceStep.HandOff, InstanceStep.Boot,
    ];

    [Fact]
    public async Task The_timeline_of_a_running_instance_is_every_boot_step_in_order_with_times_that_never_go_back()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: 3);
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        var booting = hv.Ok<InstanceTimeline>("timeline -i 6");
        Assert.Equal(InstanceStep.HandOff, booting.Steps[^1].Step);

        hv.Ok<InstanceTable>("wait -i 6");
        var timeline = hv.Ok<InstanceTimeline>("timeline -i 6");
        Assert.Equal(InstanceState.Running, timeline.State);
        Assert.Equal(Boot, timeline.Steps.Select(s => s.Step));
        for (var i = 1; i < timeline.Steps.Count; i++)
        {
            Assert.True(timeline.Steps[i].At >= timeline.Steps[i - 1].At, $"{timeline.Steps[i].Step} is before {timeline.Steps[i - 1].Step}");
        }
    }

    [Fact]
    public async Task Info_shows_the_allocation_the_steps_each_core_and_the_hat_table()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: 3);
        var launched = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        hv.Ok<InstanceTable>("wait -i 6");
        var info = hv.Ok<InstanceDetails>("info -i 6");

        Assert.Equal(launched with { State = InstanceState.Running }, info.Instance);
        Assert.Equal(Boot, info.Steps.Select(s => s.Step));
        Assert.Equal(8, info.Cores.Count);
        Assert.Equal(launched.Clusters, info.Cores.Select(c => c.Core.Cluster).Distinct());
        // Every core has reached the guest: none is in reset or the hypervisor any more.
        Assert.All(info.Cores, c => Assert.Contains(c.Status.State, new[] { CoreState.Executing, CoreState.Waiting }));
        Assert.Equal($"instance 6: k0->{launched.Clusters[0]} k1->{launched.Clusters[1]}, IOC 6, TTY 0, FB 0, Running slot 16", info.HatTable);
    }

    [Fact]
    public async Task Info_and_timeline_of_an_unknown_instance_are_refused()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        Assert.Equal("no instance 4: none is running", hv.Refused("info -i 4"));
        Assert.Equal("no instance 4: none is running", hv.Refused("timeline -i 4"));
    }
}
