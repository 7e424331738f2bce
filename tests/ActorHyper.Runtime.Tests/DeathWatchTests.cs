using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class DeathWatchTests
{
    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Watchers_get_terminated_when_an_actor_stops(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "echo");
        probe.Watch(echo);
        probe.Send(echo, PoisonPill.Instance);
        Assert.Equal(echo, probe.ExpectTerminated(echo).ActorRef);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Watchers_get_terminated_when_an_actor_is_stopped_by_its_failure(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        probe.Watch(echo);
        probe.Send(echo, Kill.Instance);
        probe.ExpectTerminated(echo);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Watching_an_actor_that_already_stopped_delivers_terminated(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        var first = new TestProbe(system);
        first.Watch(echo);
        system.Stop(echo);
        first.ExpectTerminated(echo);
        probe.Watch(echo);
        probe.ExpectTerminated(echo);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Stopping_a_parent_stops_its_children_first(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var parent = system.ActorOf(Props.Create(() => new ParentOfTwo(probe.Ref)), "parent");
        probe.ExpectMsg("prestart");
        var firstChild = probe.LastSender!;
        probe.ExpectMsg("prestart");
        probe.Watch(parent);
        system.Stop(parent);
        probe.ExpectMsg("poststop");
        probe.ExpectMsg("poststop");
        probe.ExpectMsg("parent-poststop");
        probe.ExpectTerminated(parent);
        Assert.NotNull(firstChild);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task An_unhandled_terminated_is_a_death_pact_that_stops_the_watcher(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        var watcher = system.ActorOf(Props.Create(() => new Watcher(echo)));
        probe.Watch(watcher);
        probe.Send(watcher, "watching?");
        probe.ExpectMsg("watching");
        system.Stop(echo);
        probe.ExpectTerminated(watcher);
        await system.Terminate();
    }

    private sealed class ParentOfTwo : ReceiveActor
    {
        private readonly IActorRef _observer;

        public ParentOfTwo(IActorRef observer)
        {
            _observer = observer;
            Context.ActorOf(Props.Create(() => new CountingActor(observer)), "one");
            Context.ActorOf(Props.Create(() => new CountingActor(observer)), "two");
        }

        protected override void PostStop() => _observer.Tell("parent-poststop");
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("watching"));
        }
    }
}
