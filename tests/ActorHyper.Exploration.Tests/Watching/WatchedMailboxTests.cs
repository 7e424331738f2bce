using ActorHyper.Exploration.Watching;
using Akka.Actor;
using Akka.Dispatch.MessageQueues;
using Xunit.Abstractions;

namespace ActorHyper.Exploration.Tests.Watching;

public sealed class WatchedMailboxTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(WatchedConfig.Config, "watched-mailbox", output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void A_stashing_actor_is_observed_too_including_unstashed_messages()
    {
        var monitor = new RecordingMonitor(wantsDelivery: t => t == typeof(int) || t == typeof(string));
        using var watch = RealThreadWatch.Start(Sys, [monitor]);
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)), "gate");
        Assert.IsType<ObservedDequeQueue>(QueueOf(gate));

        foreach (var n in Enumerable.Range(1, 5))
        {
            gate.Tell(n);
        }

        gate.Tell("open");
        gate.Tell(6);
        foreach (var n in Enumerable.Range(1, 6))
        {
            ExpectMsg(n, Patience);
        }

        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");
        object[] expected = [1, 2, 3, 4, 5, "open", 1, 2, 3, 4, 5, 6];
        Assert.Equal(expected, monitor.Deliveries.Where(d => d.ReceiverRef.Equals(gate)).Select(d => d.Message));
    }

    [Fact]
    public void A_system_without_a_watch_works_normally_with_the_observed_mailboxes()
    {
        var toy = new PingPong(Sys, "unwatched");
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)), "unwatched-gate");
        Assert.IsType<ObservedUnboundedQueue>(QueueOf(toy.A));
        Assert.IsType<ObservedDequeQueue>(QueueOf(gate));

        toy.Play();
        gate.Tell(1);
        gate.Tell("open");
        ExpectMsg(1, Patience);
        AwaitCondition(() => toy.Log.Hits == toy.Balls, Patience, Poll, "the unwatched toy did not finish");
    }

    [Fact]
    public void The_hub_never_observes_its_own_messages()
    {
        var monitor = new RecordingMonitor();
        using var watch = RealThreadWatch.Start(Sys, [monitor]);
        Assert.IsNotAssignableFrom<ObservedQueue>(QueueOf(watch.Hub!));
        var toy = new PingPong(Sys, "self", servers: 2, rallies: 2, hits: 50);

        toy.Play();
        AwaitCondition(() => toy.Log.Hits == toy.Balls, Patience, Poll, "the toy did not finish");
        watch.Judge(_ => { });
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain twice");

        Assert.Equal(toy.Balls, monitor.Deliveries.Count(d => d.Message is Ball));
        Assert.DoesNotContain(monitor.Deliveries, d => d.Receiver.Contains("actorhyper-watch", StringComparison.Ordinal));
        Assert.DoesNotContain(monitor.Deliveries, d => d.Message.GetType().Namespace == typeof(RealThreadWatch).Namespace);
    }

    [Fact]
    public void An_actor_timer_is_seen_in_its_wrapper_and_marked_a_timer()
    {
        var monitor = new RecordingMonitor(wantsDelivery: t => t.DeclaringType?.Name == "TimerScheduler");
        using var watch = RealThreadWatch.Start(Sys, [monitor]);
        var ticker = Sys.ActorOf(Props.Create(() => new Ticker(TestActor)), "ticker");

        ticker.Tell("start");
        ExpectMsg(new Wanted(42), Patience);
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        var tick = Assert.Single(monitor.Deliveries);
        Assert.True(tick.IsTimer);
        Assert.Equal("timer", tick.Sender);
        Assert.Equal("/user/ticker", tick.Receiver);
        Assert.Equal("Wanted { N = 42 }", WatchedItem.TextOf(tick.Message));
    }

    /// <summary>The actor's queue, once its cell is made (a top-level actor starts on the guardian's thread).</summary>
    private IMessageQueue QueueOf(IActorRef actor)
    {
        AwaitCondition(() => ((ActorRefWithCell)actor).Underlying is ActorCell, Patience, Poll, $"{actor.Path} was not started");
        return ((ActorCell)((ActorRefWithCell)actor).Underlying).Mailbox!.MessageQueue;
    }
}
