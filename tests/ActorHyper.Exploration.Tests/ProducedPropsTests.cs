using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary><see cref="ProducedProps"/>: the actor is what the function makes, at its creation and at every restart.</summary>
public sealed class ProducedPropsTests
{
    /// <summary>A controlled supervisor, so that the restart is driven too (the /user guardian is Akka's own).</summary>
    private sealed class Parent : ReceiveActor
    {
        public Parent(Props child)
        {
            var fragile = Context.ActorOf(child, "fragile");
            ReceiveAny(message => fragile.Forward(message));
        }
    }

    /// <summary>Throws on "boom" (its supervisor restarts it); answers anything else with its incarnation's number.</summary>
    private sealed class Fragile : ReceiveActor
    {
        public Fragile(int incarnation, List<string> answers)
        {
            Receive<string>(text => text == "boom", _ => throw new InvalidOperationException("planted"));
            Receive<string>(text => answers.Add($"{text}@{incarnation}"));
        }
    }

    [Fact]
    public void Every_incarnation_is_made_by_the_function_with_what_it_captured()
    {
        var system = ControlledSystems.Create(0);
        var driver = system.Driver();
        var made = 0;
        var answers = new List<string>();
        var child = ProducedProps.Of(() => new Fragile(++made, answers));
        var fragile = driver.ActorOf(Props.Create(() => new Parent(child)), "parent");
        driver.BeginRun(1);

        fragile.Tell("a");
        fragile.Tell("boom");
        fragile.Tell("b");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());

        Assert.Equal(2, made);
        Assert.Equal(["a@1", "b@2"], answers);
        driver.Terminate();
    }

    [Fact]
    public void Props_say_the_actor_type_and_refuse_no_function()
    {
        Assert.Equal(typeof(Fragile), ProducedProps.Of(() => new Fragile(0, [])).Type);
        Assert.Throws<ArgumentNullException>(() => ProducedProps.Of<Fragile>(null!));
    }

    /// <summary>Tells whom it was given that it started.</summary>
    private sealed class Reporter : ReceiveActor
    {
        public Reporter(IActorRef given, List<string> seen)
        {
            seen.Add(given.Path.Name);
            ReceiveAny(_ => { });
        }
    }

    /// <summary>Makes two reporters, handing each "its parent" the two ways.</summary>
    private sealed class Maker : ReceiveActor
    {
        public Maker(List<string> seen)
        {
            // The pitfall the remarks name: Self read when the child is built is the child's.
            Context.ActorOf(ProducedProps.Of(() => new Reporter(Self, seen)), "late");
            Context.ActorOf(ProducedProps.Of(Self, parent => new Reporter(parent, seen)), "early");
            ReceiveAny(_ => { });
        }
    }

    [Fact]
    public void The_argument_form_takes_self_where_the_props_are_made_and_the_plain_form_where_the_child_is_built()
    {
        var system = ControlledSystems.Create(0);
        var driver = system.Driver();
        var seen = new List<string>();
        driver.ActorOf(Props.Create(() => new Maker(seen)), "maker");
        driver.BeginRun(1);
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());

        Assert.Equal(["late", "maker"], seen);
        driver.Terminate();
    }
}
