using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;
using Serilog.Events;

namespace ActorHyper.Runtime.Tests;

public sealed class SupervisionTests
{
    private static (ActorSystem System, TestProbe Probe, IActorRef Parent, IActorRef Child) Start(ExecutionMode mode, Directive directive)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var childProps = Props.Create(() => new CountingActor(probe.Ref));
        var parent = system.ActorOf(Props.Create(() => new SupervisingParent(directive, childProps, probe.Ref)), "parent");
        probe.ExpectMsg("prestart");
        var child = probe.LastSender!;
        return (system, probe, parent, child);
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Resume_keeps_the_incarnation_and_its_state(ExecutionMode mode)
    {
        var (system, probe, parent, _) = Start(mode, Directive.Resume);
        probe.Send(parent, "a");
        probe.Send(parent, "a");
        probe.Send(parent, new Fail("boom"));
        probe.Send(parent, "a");
        probe.Send(parent, new GetCount());
        Assert.Equal(3, probe.ExpectMsg<int>());
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Restart_replaces_the_incarnation_and_keeps_the_queued_messages(ExecutionMode mode)
    {
        var (system, probe, parent, child) = Start(mode, Directive.Restart);
        probe.Send(parent, "a");
        probe.Send(parent, "a");
        probe.Send(parent, new Fail("boom"));
        probe.Send(parent, "a");
        probe.Send(parent, new GetCount());
        probe.ExpectMsg("poststop");
        probe.ExpectMsg("prestart");
        Assert.Equal(child, probe.LastSender);
        Assert.Equal(1, probe.ExpectMsg<int>());
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Stop_stops_the_child_and_later_messages_become_dead_letters(ExecutionMode mode)
    {
        var (system, probe, parent, child) = Start(mode, Directive.Stop);
        var deadLetters = new TestProbe(system);
        system.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        probe.Watch(child);
        probe.Send(parent, new Fail("boom"));
        probe.ExpectMsg("poststop");
        probe.ExpectTerminated(child);
        probe.Send(parent, "late");
        var letter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("late", letter.Message);
        Assert.Equal(child, letter.Recipient);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Escalate_fails_the_parent_whose_supervisor_restarts_it_with_a_new_child(ExecutionMode mode)
    {
        var (system, probe, parent, child) = Start(mode, Directive.Escalate);
        probe.Send(parent, "a");
        probe.Send(parent, new Fail("boom"));
        probe.ExpectMsg("parent-restart:boom");
        probe.ExpectMsg("poststop");
        probe.ExpectMsg("prestart");
        Assert.NotEqual(child, probe.LastSender);
        probe.Send(parent, new GetCount());
        Assert.Equal(0, probe.ExpectMsg<int>());
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task A_top_level_actor_is_restarted_by_default_and_the_failure_is_logged(ExecutionMode mode)
    {
        var sink = new ListSink();
        var system = TestSystems.Create(mode, sink: sink);
        var probe = new TestProbe(system);
        var actor = system.ActorOf(Props.Create(() => new CountingActor(probe.Ref)), "counter");
        probe.ExpectMsg("prestart");
        probe.Send(actor, "a");
        probe.Send(actor, new Fail("kaput"));
        probe.ExpectMsg("poststop");
        probe.ExpectMsg("prestart");
        probe.Send(actor, new GetCount());
        Assert.Equal(0, probe.ExpectMsg<int>());

        var failure = Assert.Single(sink.Events, e => e.Level == LogEventLevel.Error);
        Assert.Equal("kaput", failure.Exception?.Message);
        Assert.Equal("\"/user/counter\"", failure.Properties["ActorPath"].ToString());
        Assert.Equal("Restart", failure.Properties["Directive"].ToString());
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task A_failing_constructor_stops_the_actor_by_default(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var actor = system.ActorOf(Props.Create<ThrowingConstructor>(), "fragile");
        probe.Watch(actor);
        probe.ExpectTerminated(actor);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Restarts_beyond_the_limit_stop_the_child(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var strategy = new OneForOneStrategy(_ => Directive.Restart, maxRetries: 2);
        var parent = system.ActorOf(Props.Create(() => new ForwardingParent(Props.Create(() => new CountingActor(probe.Ref))))
            .WithSupervisorStrategy(strategy));
        probe.ExpectMsg("prestart");
        var child = probe.LastSender!;
        probe.Watch(child);
        for (var i = 0; i < 3; i++)
        {
            probe.Send(parent, new Fail("again"));
        }

        probe.FishForMessage(m => m is Terminated t && t.ActorRef.Equals(child));
        await system.Terminate();
    }

    private sealed class ThrowingConstructor : ReceiveActor
    {
        public ThrowingConstructor() => throw new InvalidOperationException("cannot build");
    }

    private sealed class ForwardingParent : ReceiveActor
    {
        public ForwardingParent(Props childProps)
        {
            var child = Context.ActorOf(childProps, "child");
            ReceiveAny(m => child.Tell(m, Sender));
        }
    }
}
