using ActorHyper.Actors.Hypervisor;
using ActorHyper.Runtime;

namespace ActorHyper.Actors.Tests.Hypervisor;

public sealed class LaunchSmokeTests
{
    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task Run_wait_kill(ExecutionMode mode)
    {
        await using var hv = TestHypervisor.Started(mode);
        var launched = hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        Assert.Equal(InstanceState.Booting, launched.Instance.State);
        var table = hv.Ok<InstanceTable>("wait -i 6");
        Assert.Equal(InstanceState.Running, Assert.Single(table.Instances).State);
        var stopped = hv.Ok<InstanceStopped>("kill -i 6");
        Assert.Equal(InstanceState.Stopped, stopped.Instance.State);
        Assert.Empty(hv.Ok<InstanceTable>("ps").Instances);
    }
}
