using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// Shrinking over a runner's inputs, which the engine sees only as opaque items: faults named by
/// strings, commands by index. The toy's faults are messages told at the start of a run ("noise" to a
/// sink, "x" to r, which <see cref="XBeforeM2"/> fails when it comes before "m2"); its
/// commands are what the run tells b, which sends "m2" to r.
/// </summary>
public sealed class ShrinkerInputsTests
{
    [Fact]
    public void Shrinking_drops_the_faults_and_commands_the_violation_does_not_need()
    {
        using var runner = new InputsToy();
        var all = new ScheduleInputs(["noise-1", "noise-2", "x", "noise-3", "noise-4"], null);
        var seed = Enumerable.Range(0, 50).Select(static s => (ulong)s).First(s => runner.Run(s, new RandomStrategy(s), all).Failure is not null);
        var failing = runner.Run(seed, new RandomStrategy(seed), all);
        Assert.Equal("x-before-m2", failing.Failure?.Monitor);

        var shrunk = Shrinker.Shrink(failing, (strategy, inputs) => runner.Run(seed, strategy, inputs));

        Assert.Equal(5, shrunk.FaultsBefore);
        Assert.Equal(["x"], shrunk.Shrunk.Faults);
        Assert.Equal(1, shrunk.FaultsAfter);
        Assert.Equal(2, shrunk.CommandsBefore);
        Assert.Equal(0, shrunk.CommandsAfter);
        Assert.Equal("x-before-m2", shrunk.Shrunk.Failure?.Monitor);

        var replayed = runner.Run(seed, new ReplayStrategy(shrunk.Shrunk.Decisions), ScheduleInputs.Of(shrunk.Shrunk));
        Assert.Equal(shrunk.Shrunk.TraceHash, replayed.TraceHash);
        Assert.Null(runner.Run(seed, new ReplayStrategy([]), new ScheduleInputs(["noise-1"], null)).Failure);
    }

    private sealed class InputsToy : IInputsScheduleRunner
    {
        private static readonly string[] Commands = ["go", "go"];
        private readonly ControlledDriver _driver;
        private readonly IActorRef _r;
        private readonly IActorRef _sink;
        private readonly IActorRef _b;

        public InputsToy()
        {
            var system = ControlledSystems.Create(0);
            _driver = system.Driver();
            _driver.AddMonitor(new XBeforeM2());
            _r = _driver.ActorOf(Props.Create(() => new Sink()), "r");
            _sink = _driver.ActorOf(Props.Create(() => new Sink()), "sink");
            _b = _driver.ActorOf(Props.Create(() => new Forward(_r)), "b");
        }

        public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy) => Run(seed, strategy, ScheduleInputs.AsConfigured);

        public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy, ScheduleInputs inputs)
        {
            _driver.BeginRun(seed, strategy);
            var faults = inputs.Faults ?? [];
            foreach (var fault in faults)
            {
                (fault == "x" ? _r : _sink).Tell(fault);
            }

            var commands = inputs.Commands ?? [.. Enumerable.Range(0, Commands.Length)];
            foreach (var index in commands)
            {
                // Each command makes b send "m2" to r: with "x" told first, r takes "x" before it.
                _b.Tell(Commands[index]);
            }

            var outcome = _driver.EndRun(_driver.RunUntilQuiescent());
            return ScheduleResult.From(_driver, outcome) with { Faults = [.. faults], Commands = [.. commands] };
        }

        public void Dispose() => _driver.Terminate();

        private sealed class XBeforeM2 : RunMonitor
        {
            private bool _m2Seen;

            public override string Name => "x-before-m2";

            public override void OnRunStart() => _m2Seen = false;

            public override void OnDelivery(Delivery delivery)
            {
                if (delivery.Receiver == "/user/r" && delivery.Message is "m2")
                {
                    _m2Seen = true;
                }
                else if (delivery.Receiver == "/user/r" && delivery.Message is "x" && !_m2Seen)
                {
                    Fail("r took x before m2");
                }
            }
        }

        private sealed class Sink : ReceiveActor
        {
            public Sink() => ReceiveAny(_ => { });
        }

        private sealed class Forward : ReceiveActor
        {
            public Forward(IActorRef r) => Receive<string>(_ => r.Tell("m2"));
        }
    }
}
