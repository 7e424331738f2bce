using ActorHyper.Exploration.Watching;
using Akka.Actor;
using Xunit.Abstractions;

namespace ActorHyper.Exploration.Tests.Watching;

public sealed class WatchedCountersTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(WatchedConfig.Config, "watched-counters", output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    [Fact]
    public void Dead_letters_unhandled_messages_and_crashes_are_counted_and_dead_letters_split_by_the_host()
    {
        using var watch = RealThreadWatch.Start(Sys, [], new WatchOptions
        {
            IsExpectedDeadLetter = dead => dead.Message is string s && s.StartsWith("expected", StringComparison.Ordinal),
        });
        var victim = Sys.ActorOf(Props.Create(() => new Picky()), "victim");
        Watch(victim);
        Sys.Stop(victim);
        ExpectTerminated(victim, Patience);

        foreach (var text in new[] { "expected-1", "surprise-1", "expected-2", "surprise-2", "expected-3" })
        {
            victim.Tell(text);
        }

        var picky = Sys.ActorOf(Props.Create(() => new Picky()), "picky");
        picky.Tell(7);
        picky.Tell(8);
        picky.Tell("boom");

        AwaitCondition(() => watch.DeadLetters >= 5 && watch.UnhandledMessages >= 2 && watch.Crashes >= 1, Patience, Poll,
            $"counted {watch.DeadLetters} dead letters, {watch.UnhandledMessages} unhandled, {watch.Crashes} crashes");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        Assert.Equal(5, watch.DeadLetters);
        Assert.Equal(3, watch.ExpectedDeadLetters);
        Assert.Equal(2, watch.UnexpectedDeadLetters);
        Assert.Equal(["surprise-1", "surprise-2"], watch.RecentDeadLetters(20).Select(i => i.Text));
        Assert.All(watch.RecentDeadLetters(20), i => Assert.Equal("/user/victim", i.Receiver));
        Assert.Equal(["surprise-2"], watch.RecentDeadLetters(1).Select(i => i.Text));
        Assert.Equal(2, watch.UnhandledMessages);
        Assert.Equal(["7", "8"], watch.RecentUnhandled(20).Select(i => i.Text));
        Assert.Equal(1, watch.Crashes);
        Assert.Contains("boom in the handler", Assert.Single(watch.RecentCrashes(20)).Text, StringComparison.Ordinal);
        Assert.Empty(watch.Violations);
    }

    [Fact]
    public void A_monitor_asking_for_one_type_is_shown_only_that_type_and_asked_once_per_type()
    {
        var picky = new RecordingMonitor("picky", wantsDelivery: t => t == typeof(Wanted), wantsEvent: t => t == typeof(Heard));
        using var watch = RealThreadWatch.Start(Sys, [picky]);
        var handled = new System.Runtime.CompilerServices.StrongBox<int>();
        var tallies = Enumerable.Range(0, 3).Select(i => Sys.ActorOf(Props.Create(() => new Tally(handled)), $"tally-{i}")).ToArray();

        const int PerThread = 1_000;
        Parallel.For(0, 4, t =>
        {
            for (var n = 0; n < PerThread; n++)
            {
                var to = tallies[n % tallies.Length];
                to.Tell(new Wanted(n));
                to.Tell(new Other(n));
                Sys.EventStream.Publish(new Heard(n));
                Sys.EventStream.Publish(new Shout(n));
            }
        });
        AwaitCondition(() => Volatile.Read(ref handled.Value) == 4 * 2 * PerThread, Patience, Poll, "the tallies did not handle every message");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        Assert.Equal(4 * PerThread, picky.Deliveries.Count());
        Assert.All(picky.Deliveries, d => Assert.IsType<Wanted>(d.Message));
        Assert.Equal(4 * PerThread, picky.Seen.OfType<Heard>().Count());
        Assert.Equal(8 * PerThread, picky.Seen.Count);
        Assert.Single(picky.AskedDeliveryTypes, t => t == typeof(Wanted));
        Assert.Single(picky.AskedDeliveryTypes, t => t == typeof(Other));
        Assert.DoesNotContain(picky.AskedDeliveryTypes.GroupBy(t => t), g => g.Count() > 1);
        Assert.Single(picky.AskedEventTypes, t => t == typeof(Heard));
        Assert.Single(picky.AskedEventTypes, t => t == typeof(Shout));
        Assert.DoesNotContain(picky.AskedEventTypes.GroupBy(t => t), g => g.Count() > 1);
        Assert.True(watch.Observed >= 8 * PerThread, $"observed {watch.Observed}");
    }

    [Fact]
    public void WaitUntilDrained_is_false_while_the_hub_is_behind_and_true_once_it_has_processed()
    {
        var blocking = new BlockingMonitor();
        using var watch = RealThreadWatch.Start(Sys, [blocking]);
        var handled = new System.Runtime.CompilerServices.StrongBox<int>();
        var tally = Sys.ActorOf(Props.Create(() => new Tally(handled)), "held");

        tally.Tell(new Wanted(1));
        tally.Tell(new Wanted(2));
        AwaitCondition(() => Volatile.Read(ref handled.Value) == 2, Patience, Poll, "the tally did not handle its messages");

        Assert.False(watch.WaitUntilDrained(TimeSpan.FromMilliseconds(50)), "drained while a monitor held the hub");
        Assert.Equal(2, watch.Backlog);
        blocking.Gate.Set();
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain once released");
        Assert.Equal(0, watch.Backlog);
        Assert.Equal(2, watch.Watched);
        Assert.Equal(2, blocking.Seen);
    }

    [Fact]
    public void Dispose_leaves_no_subscription_detaches_the_mailboxes_and_frees_the_system_for_another_watch()
    {
        var first = new RecordingMonitor(wantsEvent: t => t == typeof(Heard));
        var watch = RealThreadWatch.Start(Sys, [first]);
        Assert.Throws<InvalidOperationException>(() => RealThreadWatch.Start(Sys, []));
        var sink = watch.Sink!;
        var handled = new System.Runtime.CompilerServices.StrongBox<int>();
        var tally = Sys.ActorOf(Props.Create(() => new Tally(handled)), "after");
        tally.Tell(new Wanted(1));
        AwaitCondition(() => watch.Observed > 0 && Volatile.Read(ref handled.Value) == 1, Patience, Poll, "nothing observed");
        Assert.True(watch.WaitUntilDrained(Patience), "the hub did not drain");

        watch.Dispose();
        watch.Dispose();

        Assert.False(Sys.EventStream.Unsubscribe(sink), "the watch's sink was still subscribed");
        var observed = watch.Observed;
        var seen = first.Seen.Count;
        tally.Tell(new Wanted(2));
        Sys.EventStream.Publish(new Heard(2));
        AwaitCondition(() => Volatile.Read(ref handled.Value) == 2, Patience, Poll, "the tally did not handle its message");
        Assert.Equal(observed, watch.Observed);
        Assert.Equal(seen, first.Seen.Count);
        Assert.Throws<ObjectDisposedException>(() => watch.WaitUntilDrained(Patience));

        var second = new RecordingMonitor(wantsDelivery: t => t == typeof(Wanted));
        using var again = RealThreadWatch.Start(Sys, [second]);
        tally.Tell(new Wanted(3));
        AwaitCondition(() => Volatile.Read(ref handled.Value) == 3, Patience, Poll, "the tally did not handle its message");
        Assert.True(again.WaitUntilDrained(Patience), "the second hub did not drain");
        Assert.Equal(new Wanted(3), Assert.Single(second.Deliveries).Message);
    }

    [Fact]
    public async Task Start_refuses_a_system_without_the_watched_configuration()
    {
        using var plain = ActorSystem.Create("plain");
        var e = Assert.Throws<InvalidOperationException>(() => RealThreadWatch.Start(plain, []));
        Assert.Contains(nameof(WatchedConfig), e.Message, StringComparison.Ordinal);
        await plain.Terminate().WaitAsync(Patience);
    }
}
