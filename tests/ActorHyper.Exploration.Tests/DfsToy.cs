using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// A toy for the depth-first search: on "go" the root tells a, b and c "go"; a then tells r "a1" and
/// "a2" (one channel, so in that order), b tells r "b1", c tells r "c1". Deliveries to r are the only
/// dependent ones, so the Mazurkiewicz traces are the orders in which r takes its four messages with
/// a1 before a2: 4!/2! = 12. The receiver either keeps the order it was told things (no digest of its
/// own: its history stands for it) or only counts them (<see cref="IStateDigest"/>: orders converge).
/// A monitor may plant a race: b1 taken between a1 and a2. Between runs every actor forgets its state.
/// </summary>
internal sealed class DfsToy : IScheduleRunner
{
    private readonly ActorSystem _system;
    private readonly ControlledDriver _driver;
    private readonly IActorRef _root;
    private readonly CausalStory _story = new();

    public DfsToy(bool countingReceiver = false, bool plantRace = false)
    {
        _system = ControlledSystems.Create(0);
        _driver = _system.Driver();
        _driver.AddMonitor(new BetweenA1AndA2(plantRace));
        _driver.AddMonitor(_story);
        _root = _driver.ActorOf(Props.Create(() => new Root(countingReceiver)), "root");
    }

    public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy)
    {
        _driver.BetweenRuns();
        _root.Tell("reset");
        _driver.RunUntilQuiescent();
        _driver.BeginRun(seed, strategy);
        _root.Tell("go");
        var outcome = _driver.EndRun(_driver.RunUntilQuiescent());
        return ScheduleResult.From(_driver, outcome, _driver.Failure is null ? null : _story.Story(_driver));
    }

    public void Dispose() => _driver.Terminate();

    /// <summary>When planted, fails a run in which r takes b1 after a1 and before a2.</summary>
    private sealed class BetweenA1AndA2(bool planted) : RunMonitor, IStateDigest
    {
        private bool _a1;
        private bool _a2;

        public override string Name => "b1-between-a1-and-a2";

        public override void OnRunStart() => (_a1, _a2) = (false, false);

        public ulong StateDigest() => (_a1 ? 1UL : 0) | (_a2 ? 2UL : 0);

        public override void OnDelivery(Delivery delivery)
        {
            switch (delivery.Message)
            {
                case "a1":
                    _a1 = true;
                    break;
                case "a2":
                    _a2 = true;
                    break;
                case "b1" when planted && _a1 && !_a2:
                    Fail("r took b1 between a1 and a2");
                    break;
            }
        }
    }

    /// <summary>Keeps every message in order: no digest of its own.</summary>
    private sealed class Keeper : ReceiveActor
    {
        private readonly List<string> _seen = [];

        public Keeper()
        {
            Receive<string>(text => text == "reset", _ => _seen.Clear());
            Receive<string>(_seen.Add);
        }
    }

    /// <summary>Counts what it was told: two orders of the same messages are one state.</summary>
    private sealed class Counter : ReceiveActor, IStateDigest
    {
        private int _count;

        public Counter()
        {
            Receive<string>(text => text == "reset", _ => _count = 0);
            Receive<string>(_ => _count++);
        }

        public ulong StateDigest() => (ulong)_count;
    }

    private sealed class Teller : ReceiveActor
    {
        public Teller(IActorRef to, string[] messages) => Receive<string>(text => text == "go", _ =>
        {
            foreach (var message in messages)
            {
                to.Tell(message);
            }
        });
    }

    private sealed class Root : ReceiveActor
    {
        public Root(bool counting)
        {
            var r = Context.ActorOf(counting ? Props.Create(() => new Counter()) : Props.Create(() => new Keeper()), "r");
            var a = Context.ActorOf(Props.Create(() => new Teller(r, new[] { "a1", "a2" })), "a");
            var b = Context.ActorOf(Props.Create(() => new Teller(r, new[] { "b1" })), "b");
            var c = Context.ActorOf(Props.Create(() => new Teller(r, new[] { "c1" })), "c");
            Receive<string>(text =>
            {
                if (text == "reset")
                {
                    r.Tell(text);
                    return;
                }

                a.Tell(text);
                b.Tell(text);
                c.Tell(text);
            });
        }
    }
}
