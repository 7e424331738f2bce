using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Runtime.Tests;

public sealed class DeadLetterTests
{
    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Messages_to_a_stopped_actor_are_counted_and_published(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var probe = new TestProbe(system);
        var letters = new TestProbe(system);
        system.EventStream.Subscribe<DeadLetter>(letters.Ref);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()), "gone");
        probe.Watch(echo);
        system.Stop(echo);
        probe.ExpectTerminated(echo);
        var before = system.DeadLetterCount;
        probe.Send(echo, "one");
        probe.Send(echo, "two");
        Assert.Equal("one", letters.ExpectMsg<DeadLetter>().Message);
        var second = letters.ExpectMsg<DeadLetter>();
        Assert.Equal("two", second.Message);
        Assert.Equal(probe.Ref, second.Sender);
        Assert.Equal(before + 2, system.DeadLetterCount);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Replies_to_no_sender_go_to_dead_letters(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var letters = new TestProbe(system);
        system.EventStream.Subscribe<DeadLetter>(letters.Ref);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        echo.Tell("nobody asked");
        var letter = letters.ExpectMsg<DeadLetter>();
        Assert.Equal("nobody asked", letter.Message);
        Assert.Equal(system.DeadLetters, letter.Recipient);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Messages_queued_when_an_actor_stops_become_dead_letters(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var letters = new TestProbe(system);
        system.EventStream.Subscribe<DeadLetter>(letters.Ref);
        var echo = system.ActorOf(Props.Create(() => new EchoActor()));
        var probe = new TestProbe(system);
        probe.Send(echo, PoisonPill.Instance);
        probe.Send(echo, "after the pill");
        Assert.Equal("after the pill", letters.ExpectMsg<DeadLetter>().Message);
        await system.Terminate();
    }

    [Theory]
    [InlineData(ExecutionMode.Concurrent)]
    [InlineData(ExecutionMode.Controlled)]
    public async Task Unhandled_messages_are_published(ExecutionMode mode)
    {
        var system = TestSystems.Create(mode);
        var unhandled = new TestProbe(system);
        system.EventStream.Subscribe<UnhandledMessage>(unhandled.Ref);
        var probe = new TestProbe(system);
        var counter = system.ActorOf(Props.Create(() => new CountingActor(probe.Ref)));
        counter.Tell(3.14);
        Assert.Equal(3.14, unhandled.ExpectMsg<UnhandledMessage>().Message);
        await system.Terminate();
    }
}
