using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class EventStreamTests
{
    private abstract record Animal;

    private sealed record Cat : Animal;

    private sealed record Dog : Animal;

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Subscribers_get_events_of_their_type_and_subtypes_once(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var animals = new TestProbe(system);
        var cats = new TestProbe(system);
        system.EventStream.Subscribe<Animal>(animals.Ref);
        system.EventStream.Subscribe<Cat>(animals.Ref);
        system.EventStream.Subscribe<Cat>(cats.Ref);
        system.EventStream.Publish(new Dog());
        system.EventStream.Publish(new Cat());
        animals.ExpectMsg<Dog>();
        animals.ExpectMsg<Cat>();
        animals.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        cats.ExpectMsg<Cat>();
        cats.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Unsubscribed_and_stopped_actors_get_nothing(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var echo = system.ActorOf(Props.Create(() => new ForwardActor(probe.Ref)));
        system.EventStream.Subscribe<Cat>(probe.Ref);
        system.EventStream.Subscribe<Cat>(echo);
        Assert.True(system.EventStream.Unsubscribe(probe.Ref, typeof(Cat)));
        Assert.False(system.EventStream.Unsubscribe(probe.Ref, typeof(Cat)));
        probe.Watch(echo);
        system.Stop(echo);
        probe.ExpectTerminated(echo);
        system.EventStream.Publish(new Cat());
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        await system.Terminate();
    }
}
