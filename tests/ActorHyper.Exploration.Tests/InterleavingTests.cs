using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// Akka orders messages per sender→receiver pair only. A tells C "m1", then B "m2"; C answers "m1" by
/// telling B "x". Real threads let B see "x" before "m2"; so must a controlled run, for some seeds.
/// </summary>
public sealed class InterleavingTests
{
    private sealed class Recorder(List<string> seen) : ReceiveActor
    {
        protected override void PreStart() => Become(() => ReceiveAny(m => seen.Add((string)m)));
    }

    private sealed class Relay(IActorRef b) : ReceiveActor
    {
        protected override void PreStart() => Become(() => Receive<string>(_ => b.Tell("x")));
    }

    private sealed class Starter(IActorRef c, IActorRef b) : ReceiveActor
    {
        protected override void PreStart() => Become(() => Receive<string>(_ =>
        {
            c.Tell("m1");
            b.Tell("m2");
        }));
    }

    private sealed class Root : ReceiveActor
    {
        public Root(List<string> seen)
        {
            var b = Context.ActorOf(Props.Create(() => new Recorder(seen)), "b");
            var c = Context.ActorOf(Props.Create(() => new Relay(b)), "c");
            var a = Context.ActorOf(Props.Create(() => new Starter(c, b)), "a");
            Receive<string>(go => a.Tell(go));
        }
    }

    private static string Run(ulong seed)
    {
        var system = ControlledSystems.Create(seed);
        var driver = system.Driver();
        var seen = new List<string>();
        var root = driver.ActorOf(Props.Create(() => new Root(seen)), "root");
        root.Tell("go");
        Assert.Equal(RunOutcome.Quiescent, driver.RunUntilQuiescent());
        driver.Terminate();
        return string.Join(",", seen);
    }

    [Fact]
    public void Both_orders_are_reached_over_seeds()
    {
        var orders = Enumerable.Range(0, 40).Select(seed => Run((ulong)seed)).ToHashSet();
        Assert.Equal(new HashSet<string> { "m2,x", "x,m2" }, orders);
    }
}
