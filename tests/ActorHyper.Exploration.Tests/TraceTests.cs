using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>The trace: decisions by identity, a hash over decisions, contents, time and random draws; replay.</summary>
public sealed class TraceTests
{
    private sealed record Work(int Payload);

    /// <summary>Workers that forward work around a ring, draw from their random streams and use a timer.</summary>
    private sealed class Worker : ReceiveActor
    {
        public Worker(int index, int count)
        {
            Receive<Work>(work =>
            {
                var draw = Context.Random.Next(100);
                if (work.Payload > 0)
                {
                    var next = Context.ActorSelection($"../w{(index + 1 + draw % 2) % count}");
                    next.Tell(new Work(work.Payload - 1));
                }
            });
        }
    }

    private sealed class Ring : ReceiveActor
    {
        public Ring(int payload)
        {
            var workers = Enumerable.Range(0, 4).Select(i => Context.ActorOf(Props.Create(() => new Worker(i, 4)), $"w{i}")).ToList();
            Receive<string>(_ =>
            {
                foreach (var worker in workers)
                {
                    worker.Tell(new Work(payload));
                }
            });
        }
    }

    private static (ulong Hash, IReadOnlyList<Decision> Decisions, long Steps) Run(ulong seed, int payload = 6, ISchedulingStrategy? strategy = null)
    {
        var system = ControlledSystems.Create(seed);
        var driver = system.Driver();
        if (strategy is not null)
        {
            driver.UseStrategy(strategy);
        }

        var ring = driver.ActorOf(Props.Create(() => new Ring(payload)), "ring");
        ring.Tell("go");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        var result = (driver.TraceHash, driver.Decisions.ToList(), driver.Steps);
        driver.Terminate();
        return result;
    }

    [Fact]
    public void The_same_seed_gives_the_same_decisions_and_hash_in_two_systems_whose_actor_uids_differ()
    {
        var first = Run(7);
        var second = Run(7);
        Assert.Equal(first.Decisions, second.Decisions);
        Assert.Equal(first.Hash, second.Hash);
    }

    [Fact]
    public void Different_seeds_give_different_schedules()
    {
        var hashes = Enumerable.Range(0, 10).Select(seed => Run((ulong)seed).Hash).ToHashSet();
        Assert.True(hashes.Count >= 8, $"only {hashes.Count} distinct hashes over 10 seeds");
    }

    [Fact]
    public void Payloads_that_differ_give_different_hashes_even_with_the_same_decisions()
    {
        var one = MessageDigest.Of(new Work(1));
        var two = MessageDigest.Of(new Work(2));
        Assert.NotEqual(one, two);
        Assert.Equal(one, MessageDigest.Of(new Work(1)));

        // One actor receiving one message from outside: the only decision is the same, the content is not.
        static ulong Single(object message)
        {
            var system = ControlledSystems.Create(1);
            var driver = system.Driver();
            var sink = driver.ActorOf(Props.Create(() => new Sink()), "sink");
            sink.Tell(message);
            driver.RunUntilQuiescent();
            var hash = driver.TraceHash;
            Assert.Single(driver.Decisions);
            driver.Terminate();
            return hash;
        }

        Assert.NotEqual(Single(new Work(1)), Single(new Work(2)));
        Assert.Equal(Single(new Work(3)), Single(new Work(3)));
    }

    [Fact]
    public void Digests_name_actors_by_path_not_by_uid_and_see_nested_values()
    {
        var system1 = ControlledSystems.Create(1);
        var system2 = ControlledSystems.Create(1);
        var a1 = system1.Driver().ActorOf(Props.Create(() => new Sink()), "same");
        var a2 = system2.Driver().ActorOf(Props.Create(() => new Sink()), "same");
        Assert.NotEqual(a1.Path.Uid, a2.Path.Uid);
        Assert.Equal(MessageDigest.Of(new Envelope(a1, [1, 2])), MessageDigest.Of(new Envelope(a2, [1, 2])));
        Assert.NotEqual(MessageDigest.Of(new Envelope(a1, [1, 2])), MessageDigest.Of(new Envelope(a1, [2, 1])));
        system1.Driver().Terminate();
        system2.Driver().Terminate();
    }

    private sealed record Envelope(IActorRef To, int[] Items);

    [Fact]
    public void A_recorded_run_replays_exactly()
    {
        var recorded = Run(11);
        var replay = new ReplayStrategy(recorded.Decisions);
        var replayed = Run(11, strategy: replay);
        Assert.True(replay.Completed);
        Assert.Null(replay.DivergedAt);
        Assert.Equal(recorded.Hash, replayed.Hash);
    }

    [Fact]
    public void A_recording_replays_whatever_order_the_choices_are_listed_in_since_decisions_name_choices_not_positions()
    {
        var recorded = Run(11);
        var replay = new ReplayStrategy([.. recorded.Decisions]);
        var replayed = Run(11, strategy: new ReversedChoices(replay));
        Assert.True(replay.Completed);
        Assert.Equal(recorded.Decisions, replayed.Decisions);
    }

    [Fact]
    public void An_edited_decision_list_replays_to_its_end_then_goes_on_in_the_default_order()
    {
        var recorded = Run(5);
        var prefix = recorded.Decisions.Take(recorded.Decisions.Count / 2).ToList();
        var replay = new ReplayStrategy(prefix);
        var replayed = Run(5, strategy: replay);
        Assert.True(replay.Completed);
        Assert.Equal(prefix, replayed.Decisions.Take(prefix.Count));
        Assert.Equal(recorded.Steps, replayed.Steps);

        // A decision that names no choice: replay matches up to it and says where it stopped.
        var edited = recorded.Decisions.ToList();
        edited.Insert(3, new Decision(DecisionKind.Message, "/user/nobody", Choice.Outside, 0));
        var diverging = new ReplayStrategy(edited);
        var partly = Run(5, strategy: diverging);
        Assert.Equal(3L, diverging.DivergedAt);
        Assert.Equal(edited.Take(3), partly.Decisions.Take(3));
    }

    /// <summary>Shows another strategy the choices in reverse order, and maps its answer back.</summary>
    private sealed class ReversedChoices(ISchedulingStrategy inner) : ISchedulingStrategy
    {
        public string Name => "reversed " + inner.Name;

        public int Choose(IReadOnlyList<Choice> choices, long step) =>
            choices.Count - 1 - inner.Choose([.. choices.Reverse()], step);
    }

    private sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }
}
