using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using Xunit;

namespace ActorHyper.Exploration.Tests.Models;

/// <summary>
/// What orders each delivery model lets a receiver see, against orders counted by hand: under
/// <c>causal</c> (local Akka.NET) a message never overtakes one to the same receiver that happened
/// before it; under <c>channel</c> (the chip, remoting) only each sender's own order holds.
/// </summary>
public sealed class DeliveryOrderTests
{
    private static readonly ExecutionModel Causal = ExecutionModel.LocalActors;
    private static readonly ExecutionModel Channel = ExecutionModel.LocalActors with { Delivery = DeliveryOrder.Channel };

    [Fact]
    public void A_message_sent_after_another_by_way_of_a_third_actor_never_overtakes_it_under_causal_delivery()
    {
        // a tells the recorder "a", then tells b to go; b tells the recorder "b": "a" happened before "b".
        static void Build(IActorContext context, List<string> heard)
        {
            var recorder = context.ActorOf(Props.Create(() => new OrderToys.Recorder(heard)), "recorder");
            var b = context.ActorOf(Props.Create(() => new OrderToys.Relay(recorder, "b", null)), "b");
            context.ActorOf(Props.Create(() => new OrderToys.Relay(recorder, "a", b)), "a").Tell("go");
        }

        Assert.Equal(["a,b"], OrdersSeen(Causal, Build));
        Assert.Equal(["a,b", "b,a"], OrdersSeen(Channel, Build));
    }

    [Fact]
    public void A_successor_made_when_its_predecessor_stopped_never_overtakes_what_the_predecessor_sent_under_causal_delivery()
    {
        static void Build(IActorContext context, List<string> heard)
        {
            var recorder = context.ActorOf(Props.Create(() => new OrderToys.Recorder(heard)), "recorder");
            context.ActorOf(Props.Create(() => new OrderToys.Successor(recorder)), "parent");
        }

        Assert.Equal(["old,new"], OrdersSeen(Causal, Build));
        Assert.Equal(["new,old", "old,new"], OrdersSeen(Channel, Build));
    }

    [Fact]
    public void Two_senders_that_race_reach_the_receiver_in_every_order_that_keeps_each_senders_own_under_both_models()
    {
        // x sends x1 then x2, y sends y1 then y2, concurrently: C(4,2) = 6 interleavings, by hand.
        static void Build(IActorContext context, List<string> heard)
        {
            var recorder = context.ActorOf(Props.Create(() => new OrderToys.Recorder(heard)), "recorder");
            context.ActorOf(Props.Create(() => new OrderToys.TwoWords(recorder, "x1", "x2")), "x").Tell("go");
            context.ActorOf(Props.Create(() => new OrderToys.TwoWords(recorder, "y1", "y2")), "y").Tell("go");
        }

        string[] six = ["x1,x2,y1,y2", "x1,y1,x2,y2", "x1,y1,y2,x2", "y1,x1,x2,y2", "y1,x1,y2,x2", "y1,y2,x1,x2"];
        Assert.Equal(six, OrdersSeen(Causal, Build));
        Assert.Equal(six, OrdersSeen(Channel, Build));
    }

    [Fact]
    public void What_an_actor_tells_itself_is_ahead_of_what_is_sent_to_it_afterwards_under_both_models()
    {
        // t tells itself "self" and asks the echo, whose "pong" is sent after: never ahead of "self",
        // even on separate channels (a Tell to Self is in the mailbox at once). "early", from another
        // actor, races: sent before "self", it may come first; sent after, it comes after.
        static void Build(IActorContext context, List<string> heard)
        {
            var echo = context.ActorOf(Props.Create(() => new OrderToys.Echo()), "echo");
            var teller = context.ActorOf(Props.Create(() => new OrderToys.SelfTeller(heard, echo)), "t");
            context.ActorOf(Props.Create(() => new OrderToys.Relay(teller, "early", null)), "early").Tell("go");
            teller.Tell("go");
        }

        string[] three = ["early,self,pong", "self,early,pong", "self,pong,early"];
        Assert.Equal(three, OrdersSeen(Causal, Build));
        Assert.Equal(three, OrdersSeen(Channel, Build));
    }

    [Fact]
    public void The_report_states_the_model_it_explored_under()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 2 },
            context => context.ActorOf(Props.Create(() => new OrderToys.Recorder(new List<string>())), "recorder").Tell("hello"),
            settings: new ActorExplorationSettings { Model = Channel });

        Assert.Equal(Channel, report.Model);
        Assert.Equal("delivery channel, timers due-order (uniform race, at most 3 early a run, no horizon), step 1 µs", report.Model!.ToString());
    }

    /// <summary>Every order the recorder heard over many random schedules (the toys are small: a few hundred cover them all), sorted.</summary>
    private static List<string> OrdersSeen(ExecutionModel model, Action<IActorContext, List<string>> build)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var runs = new List<List<string>>();
        ActorExploration.Run(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 300, Seed = 5 },
            context =>
            {
                var heard = new List<string>();
                runs.Add(heard);
                build(context, heard);
            },
            settings: new ActorExplorationSettings { Model = model });
        foreach (var heard in runs)
        {
            seen.Add(string.Join(",", heard));
        }

        return [.. seen];
    }
}
