using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Watching;
using Akka.Actor;
using Xunit.Abstractions;

namespace ActorHyper.Exploration.Tests.Watching;

public sealed class WatchedDeliveryTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(WatchedConfig.Config, "watched-delivery", output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // TestKit polls at a tenth of the patience unless told: 3 s per wait.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void Every_ping_pong_delivery_is_seen_once_in_each_receivers_order_and_after_its_cause()
    {
        var monitor = new RecordingMonitor(wantsDelivery: t => t == typeof(Ball) || t == typeof(Serve));
        using var watch = RealThreadWatch.Start(Sys, [monitor]);
        var toy = new PingPong(Sys, "toy");
        Assert.Equal(10_000, toy.Balls);

        toy.Play();
        AwaitCondition(() => toy.Log.Hits == toy.Balls, Patience, Poll, $"the toy's {toy.Balls} balls were not all handled");
        Assert.True(watch.WaitUntilDrained(Patience), $"the hub did not drain (backlog {watch.Backlog})");

        var balls = monitor.Deliveries.Where(d => d.Message is Ball).ToList();
        Assert.Equal(toy.Balls, balls.Count);
        Assert.Equal(toy.Balls, balls.Select(d => ((Ball)d.Message).Id).Distinct().Count());

        // Causality: the delivery whose handler sent a ball (a serve or the previous ball) comes first.
        var stepOf = monitor.Deliveries.ToDictionary(d => d.Message switch { Ball b => b.Id, Serve s => s.Id, _ => -1 }, d => d.Step);
        Assert.Equal(4, monitor.Deliveries.Count(d => d.Message is Serve));
        foreach (var delivery in balls)
        {
            var ball = (Ball)delivery.Message;
            Assert.True(stepOf[ball.Parent] < delivery.Step, $"ball {ball.Id} seen at {delivery.Step}, before its cause {ball.Parent} at {stepOf[ball.Parent]}");
        }

        // Each receiver's own order: what the player handled, in the order it handled it.
        Assert.Equal(toy.Log.HandledByA, balls.Where(d => d.ReceiverRef.Equals(toy.A)).Select(d => ((Ball)d.Message).Id));
        Assert.Equal(toy.Log.HandledByB, balls.Where(d => d.ReceiverRef.Equals(toy.B)).Select(d => ((Ball)d.Message).Id));
        Assert.All(balls, d => Assert.Equal(d.ReceiverRef.Equals(toy.A) ? "/user/toy-a" : "/user/toy-b", d.Receiver));
        Assert.All(balls.Where(d => ((Ball)d.Message).Parent > 4 && d.ReceiverRef.Equals(toy.A)), d => Assert.Equal("/user/toy-b", d.Sender));

        // Steps are the hub's running count, in the order monitors were shown.
        Assert.Equal(monitor.Deliveries.Select(d => d.Step), monitor.Deliveries.Select(d => d.Step).Order());
        Assert.True(watch.Observed >= toy.Balls + 4, $"observed {watch.Observed}");
        Assert.Equal(0, watch.Backlog);
        Assert.Empty(watch.Violations);
        Assert.Equal(1, monitor.Starts);
    }

    [Fact]
    public void Events_published_by_a_handler_are_seen_after_the_delivery_that_caused_them()
    {
        var monitor = new RecordingMonitor(wantsDelivery: t => t == typeof(Shout), wantsEvent: t => t == typeof(Heard));
        using var watch = RealThreadWatch.Start(Sys, [monitor]);
        var shouters = Enumerable.Range(0, 3).Select(i => Sys.ActorOf(Props.Create(() => new Shouter()), $"shouter-{i}")).ToArray();

        const int PerShouter = 500;
        Parallel.For(0, shouters.Length, i =>
        {
            for (var n = 0; n < PerShouter; n++)
            {
                shouters[i].Tell(new Shout(i * PerShouter + n));
            }
        });
        AwaitCondition(() => monitor.AskedEventTypes.Contains(typeof(Heard)) && watch.Watched >= 2 * shouters.Length * PerShouter, Patience, Poll,
            $"the hub did not see {2 * shouters.Length * PerShouter} shouts and events");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        var seen = monitor.Seen;
        var shoutAt = new Dictionary<int, int>();
        for (var i = 0; i < seen.Count; i++)
        {
            switch (seen[i])
            {
                case Delivery { Message: Shout shout }:
                    shoutAt.Add(shout.N, i);
                    break;
                case Heard heard:
                    Assert.True(shoutAt.TryGetValue(heard.N, out var at) && at < i, $"event Heard({heard.N}) seen at {i} before its shout");
                    break;
            }
        }

        Assert.Equal(shouters.Length * PerShouter, seen.OfType<Heard>().Count());
        Assert.Equal(shouters.Length * PerShouter, shoutAt.Count);
    }
}
