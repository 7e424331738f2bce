using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class TestProbeTests
{
    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task ExpectMsg_of_the_wrong_type_names_what_arrived(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        probe.Ref.Tell(17);
        var error = Assert.Throws<TestKitException>(() => probe.ExpectMsg<string>());
        Assert.Equal("ExpectMsg<String>: got Int32 17 instead", error.Message);
        await system.Terminate();
    }

    [Fact]
    public async Task ReceiveAvailable_takes_what_arrived_in_order_without_running_anything()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var probe = new TestProbe(system);
        probe.Ref.Tell(1);
        probe.Ref.Tell(2);
        var steps = system.Controlled.Steps;
        Assert.Empty(probe.ReceiveAvailable());
        Assert.Equal(steps, system.Controlled.Steps);

        system.Controlled.RunUntilQuiescent();
        probe.Ref.Tell(3);

        Assert.Equal([1, 2], probe.ReceiveAvailable());
        Assert.Empty(probe.ReceiveAvailable());
        Assert.Equal(3, probe.ExpectMsg<int>());
        await system.Terminate();
    }

    [Fact]
    public async Task In_controlled_mode_ExpectMsg_fails_at_once_when_nothing_can_happen()
    {
        var system = TestSystems.Create(ExecutionMode.Controlled);
        var probe = new TestProbe(system);
        var error = Assert.Throws<TestKitException>(() => probe.ExpectMsg<string>(TimeSpan.FromHours(1)));
        Assert.Contains("quiescent", error.Message, StringComparison.Ordinal);
        Assert.True(system.Now < TimeSpan.FromHours(1));
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task FishForMessage_skips_until_the_one(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        foreach (var n in new[] { 1, 2, 3, 4 })
        {
            probe.Ref.Tell(n);
        }

        Assert.Equal(3, probe.FishForMessage<int>(n => n == 3));
        probe.ExpectMsg(4);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Within_bounds_the_expectations_inside_it(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(50), probe.Ref, "soon");
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), probe.Ref, "late");
        probe.Within(TimeSpan.FromMilliseconds(500), () => probe.ExpectMsg("soon"));
        Assert.Throws<TestKitException>(() => probe.Within(TimeSpan.FromMilliseconds(300), () => probe.ExpectMsg("late")));
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Reply_answers_the_last_sender(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var other = new TestProbe(system);
        other.Send(probe.Ref, "question");
        probe.ExpectMsg("question");
        probe.Reply("answer");
        other.ExpectMsg("answer");
        Assert.Equal(probe.Ref, other.LastSender);
        await system.Terminate();
    }
}
