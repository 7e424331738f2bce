using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// A toy with a planted race, for the exploration engine: on "go", <c>a</c> tells <c>c</c> "m1", and
/// <c>b</c> tells <c>r</c> "m2"; <c>c</c> passes "m1" on to <c>r</c> as "x". Nothing orders the two
/// senders of <c>r</c>, so it may take "x" before "m2": <see cref="OrderMonitor"/> fails that run. Two
/// players rally meanwhile, so a failing schedule carries deviations that have nothing to do with the race.
/// </summary>
internal sealed class PlantedRace : IScheduleRunner
{
    private readonly ActorSystem _system;
    private readonly ControlledDriver _driver;
    private readonly IActorRef _root;
    private readonly CausalStory _story = new();

    public PlantedRace(ulong seed = 0)
    {
        _system = ControlledSystems.Create(seed);
        _driver = _system.Driver();
        _driver.AddMonitor(new OrderMonitor());
        _driver.AddMonitor(_story);
        _root = _driver.ActorOf(Props.Create(() => new Root()), "root");
    }

    /// <summary>Schedules run so far (calibration and shrinking included).</summary>
    public int Runs { get; private set; }

    public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy)
    {
        Runs++;
        _driver.BeginRun(seed, strategy);
        _root.Tell("go");
        var outcome = _driver.EndRun(_driver.RunUntilQuiescent());
        return ScheduleResult.From(_driver, outcome, _driver.Failure is null ? null : _story.Story(_driver));
    }

    public void Dispose() => _driver.Terminate();

    /// <summary>Fails a run in which r takes "x" before "m2".</summary>
    internal sealed class OrderMonitor : RunMonitor
    {
        private bool _m2Seen;

        public override string Name => "m2-before-x";

        public override void OnRunStart() => _m2Seen = false;

        public override void OnDelivery(Delivery delivery)
        {
            if (delivery.Receiver != "/user/root/r")
            {
                return;
            }

            if (delivery.Message is "m2")
            {
                _m2Seen = true;
            }
            else if (delivery.Message is "x" && !_m2Seen)
            {
                Fail("r took x before m2");
            }
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder() => ReceiveAny(_ => { });
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef b) => Receive<string>(_ => b.Tell("x"));
    }

    private sealed class Sender : ReceiveActor
    {
        public Sender(IActorRef to, string message) => Receive<string>(_ => to.Tell(message));
    }

    private sealed class Player : ReceiveActor
    {
        public Player()
        {
            Receive<(IActorRef Other, int Rounds)>(start => start.Other.Tell(start.Rounds));
            Receive<int>(left =>
            {
                if (left > 0)
                {
                    Sender.Tell(left - 1);
                }
            });
        }
    }

    private sealed class Root : ReceiveActor
    {
        public Root()
        {
            var r = Context.ActorOf(Props.Create(() => new Recorder()), "r");
            var c = Context.ActorOf(Props.Create(() => new Relay(r)), "c");
            var a = Context.ActorOf(Props.Create(() => new Sender(c, "m1")), "a");
            var b = Context.ActorOf(Props.Create(() => new Sender(r, "m2")), "b");
            var p = Context.ActorOf(Props.Create(() => new Player()), "p");
            var q = Context.ActorOf(Props.Create(() => new Player()), "q");
            Receive<string>(go =>
            {
                p.Tell((q, 12));
                q.Tell((p, 12));
                a.Tell(go);
                b.Tell(go);
            });
        }
    }
}
