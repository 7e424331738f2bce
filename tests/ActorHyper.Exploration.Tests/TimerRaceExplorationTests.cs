using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// "Onto Akka.NET"'s timer race, explored: a client asks a server that answers after
/// <see cref="Hops"/> messages to itself and starts a 1 ms timeout; a client that takes the timeout first has lost the reply race. Every
/// strategy that can reorder reaches it within 100 schedules, as it does the channel interleaving of
/// <see cref="PlantedRace"/> (<see cref="ExplorerTests"/>).
/// </summary>
public sealed class TimerRaceExplorationTests
{
    /// <summary>The reply's way: long enough, at about a microsecond a step, for a 1 ms timeout to matter.</summary>
    private const int Hops = 2000;

    [Theory]
    [InlineData(StrategyKind.Random)]
    [InlineData(StrategyKind.Pct)]
    [InlineData(StrategyKind.Pos)]
    public void Each_strategy_finds_the_timeout_that_beats_a_pending_reply_within_100_schedules(StrategyKind strategy)
    {
        var report = Explorer.Run(new ExplorationOptions { Strategy = strategy, Iterations = 100 }, _ => new TimeoutRace());

        var violation = Assert.Single(report.Violations);
        Assert.Equal("reply-before-timeout", violation.Invariant);
        Assert.InRange(violation.Iteration, 0, 99);
        Assert.Contains(violation.Original.Story, line => line.Contains("/user/client ← ", StringComparison.Ordinal) && line.Contains("Timeout", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_order_alone_takes_the_reply_first()
    {
        using var race = new TimeoutRace();
        var result = race.Run(0, new DeviationStrategy(new Dictionary<long, Decision>()));

        Assert.Null(result.Failure);
    }

    private sealed record Request;

    private sealed record Reply;

    private sealed record Timeout;

    /// <summary>Fails a run in which the client takes its timeout before the reply.</summary>
    private sealed class ReplyFirst : RunMonitor
    {
        private bool _replied;

        public override string Name => "reply-before-timeout";

        public override void OnRunStart() => _replied = false;

        public override void OnDelivery(Delivery delivery)
        {
            if (delivery.Receiver != "/user/client")
            {
                return;
            }

            if (delivery.Message is Reply)
            {
                _replied = true;
            }
            else if (delivery.Message is Timeout && !_replied)
            {
                Fail("the client's 1 ms timeout fired while the server's reply was on its way");
            }
        }
    }

    private sealed class Server : ReceiveActor
    {
        public Server()
        {
            Receive<Request>(_ => Self.Tell(Hops, Sender));
            Receive<int>(left =>
            {
                if (left == 0)
                {
                    Sender.Tell(new Reply());
                }
                else
                {
                    Self.Tell(left - 1, Sender);
                }
            });
        }
    }

    /// <summary>The scheduler's timer, not <c>IWithTimers</c>: its message is delivered as itself, so the monitor sees a <see cref="Timeout"/>.</summary>
    private sealed class Client : ReceiveActor
    {
        private ICancelable? _timeout;

        public Client()
        {
            var server = Context.ActorOf(Props.Create(() => new Server()), "server");
            Receive<string>(_ =>
            {
                server.Tell(new Request());
                _timeout = Context.System.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromMilliseconds(1), Self, new Timeout(), Self);
            });
            Receive<Reply>(_ => _timeout?.Cancel());
            Receive<Timeout>(_ => { });
        }

        protected override void PostStop() => _timeout?.Cancel();
    }

    private sealed class TimeoutRace : IScheduleRunner
    {
        private readonly ControlledDriver _driver;
        private readonly IActorRef _client;
        private readonly CausalStory _story = new();

        public TimeoutRace()
        {
            _driver = ControlledSystems.Create(0).Driver();
            _driver.AddMonitor(new ReplyFirst());
            _driver.AddMonitor(_story);
            _client = _driver.ActorOf(Props.Create(() => new Client()), "client");
        }

        public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy)
        {
            _driver.BeginRun(seed, strategy);
            _client.Tell("go");
            var outcome = _driver.EndRun(_driver.RunUntilQuiescent());
            return ScheduleResult.From(_driver, outcome, _driver.Failure is null ? null : _story.Story(_driver));
        }

        public void Dispose() => _driver.Terminate();
    }
}
