using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>An instance that cannot come up is Failed with the step and the reason, keeps what it holds, and <c>kill</c> returns it.</summary>
public sealed class FailureTests
{
    // On the 4x4 default the first two-cluster instance gets (0,1) and (0,2); the tests check it.
    private static readonly ClusterId FirstInstanceCluster = new(0, 1);

    [Fact]
    public async Task A_refused_launch_step_fails_the_instance_with_the_step_and_the_reason()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, plantsFailure: true);
        // Something already listens to IOC channel 6: the IOPIC refuses the instance's routes.
        var squatter = new IopicRoute(IrqSource.Ioc(6), new XicuTarget(new ClusterId(3, 3), 20));
        var added = hv.Ask<IopicRoutesChanged>(hv.Directory.Iopic, new AddRoutes(1, ValueList.Of(squatter)));
        Assert.True(added.Outcome.IsSuccess);

        var error = hv.Refused("run -nc 2 -i 6");

        Assert.StartsWith("instance 6 failed at RouteInterrupts: IOPIC refused: ", error, StringComparison.Ordinal);
        var failed = hv.Instance(6);
        Assert.Equal((InstanceState.Failed, InstanceStep.RouteInterrupts), (failed.State, failed.FailedStep));
        Assert.Contains("IOC 6", failed.FailureReason, StringComparison.Ordinal);
        Assert.Equal(InstanceState.Failed, hv.Ok<InstanceTable>("wait -i 6").Instances[0].State);
        Assert.Contains("instance 6", hv.Owners());

        hv.Ok<InstanceStopped>("kill -i 6");
        Assert.DoesNotContain("instance 6", hv.Owners());
        Assert.Equal(ValueList.Of<IopicRoute>(), hv.Ask<IopicRoutes>(hv.Directory.Iopic, GetRoutes.Instance).Routes);
    }

    [Fact]
    public async Task A_core_that_faults_in_the_boot_fails_the_instance_with_the_fault()
    {
        var faulty = new CoreId(FirstInstanceCluster, 2);
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: PlantedPrograms.FaultingBootLoader(faulty, "no kernel found"), plantsFailure: true);
        var info = hv.Ok<InstanceLaunched>("run -nc 2 -i 6").Instance;
        Assert.Contains(FirstInstanceCluster, info.Clusters);

        var failed = Assert.Single(hv.Ok<InstanceTable>("wait -i 6").Instances);

        Assert.Equal((InstanceState.Failed, InstanceStep.Boot), (failed.State, failed.FailedStep));
        Assert.StartsWith($"core {faulty} faulted: ", failed.FailureReason, StringComparison.Ordinal);
        Assert.Contains("no kernel found", failed.FailureReason, StringComparison.Ordinal);
        hv.Ok<InstanceStopped>("kill -i 6");
        Assert.Empty(hv.Ok<InstanceTable>("ps").Instances);
    }

    [Fact]
    public async Task A_wait_gives_up_at_its_time_limit_naming_what_is_not_settled()
    {
        var stalled = new CoreId(FirstInstanceCluster, 1);
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: PlantedPrograms.StallingCore(stalled), plantsFailure: true);
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        var before = hv.System.Now;

        // Both within the 100 ms the kernel's boot core spends looking for the stalled core's call-in.
        Assert.Equal("timed out after 0.05 s: instance 6 is Booting", hv.Refused("wait -i 6 -t 50ms"));
        Assert.Equal("timed out after 0.03 s: instance 6 is Booting", hv.Refused("wait -t 30ms"));
        Assert.True(hv.System.Now - before >= TimeSpan.FromMilliseconds(80), "the time limits are in (virtual) system time");
    }

    [Fact]
    public async Task Running_instances_settle_a_wait_for_all_and_a_failed_one_counts_as_settled()
    {
        var faulty = new CoreId(FirstInstanceCluster, 0);
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: PlantedPrograms.FaultingBootLoader(faulty, "bad image"), plantsFailure: true);
        var states = hv.Events<InstanceStateChanged>();
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        hv.Ok<InstanceLaunched>("run -nc 1 -i 3");

        var table = hv.Ok<InstanceTable>("wait").Instances;

        Assert.Equal([(3, InstanceState.Running), (6, InstanceState.Failed)], table.Select(i => (i.Id, i.State)));
        var failure = states.FishFor<InstanceStateChanged>(e => e.State == InstanceState.Failed);
        Assert.Equal(InstanceState.Booting, failure.Previous);
        Assert.Contains("bad image", failure.Reason, StringComparison.Ordinal);
    }
}
