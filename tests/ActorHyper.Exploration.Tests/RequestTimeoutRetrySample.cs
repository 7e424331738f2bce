using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>
/// A sample for <see cref="ActorExploration"/>: a small request/timeout/retry protocol that has
/// nothing to do with the machine. The client sends a request through a link, which passes it to
/// the server and confirms it to the client; the client's timeout (a scheduler timer) starts at the
/// confirmation. The server answers after the same time, so whether the timeout or the reply comes
/// first depends on which of the link's two messages went first: a race of the schedule, not of
/// the data. On a timeout the client retries with a new request id. The planted bug: the sloppy
/// client takes any reply as the answer to its current request, so the late reply to the first
/// request becomes the answer to the retry.
/// </summary>
public sealed class RequestTimeoutRetrySample
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    public sealed record Start;

    public sealed record Request(int Id, IActorRef ReplyTo);

    public sealed record Sent(int Id);

    public sealed record Reply(int RequestId, string Answer);

    public sealed record Timeout(int Id);

    public sealed record Answered(int RequestId, Reply? Reply);

    /// <summary>Answers every request after <see cref="Latency"/> of work (a timer), to whom it names.</summary>
    private sealed class Server : ReceiveActor
    {
        public Server() => Receive<Request>(request =>
            Context.System.Scheduler.ScheduleTellOnce(Latency, request.ReplyTo, new Reply(request.Id, $"answer to {request.Id}"), Self));
    }

    /// <summary>Passes a request on to the server, and tells the client it has left.</summary>
    private sealed class Link : ReceiveActor
    {
        public Link(IActorRef server) => Receive<Request>(request =>
        {
            server.Tell(request);
            Sender.Tell(new Sent(request.Id));
        });
    }

    /// <summary>Asks until answered, at most three times; tells its parent the answer (or none).</summary>
    private sealed class Client : ReceiveActor, IWithTimers
    {
        private const int Attempts = 3;
        private int _current;

        public Client(IActorRef link, bool checksReplyId)
        {
            Receive<Start>(_ => Ask(link));
            Receive<Sent>(sent => Timers.StartSingleTimer("timeout", new Timeout(sent.Id), Latency));
            Receive<Timeout>(timeout =>
            {
                if (timeout.Id != _current)
                {
                    return;
                }

                if (_current < Attempts)
                {
                    Ask(link);
                }
                else
                {
                    Finish(new Answered(_current, null));
                }
            });
            Receive<Reply>(reply =>
            {
                // VARIANT (planted): the sloppy client does not check which request the reply answers.
                if (_current == 0 || (checksReplyId && reply.RequestId != _current))
                {
                    return;
                }

                Finish(new Answered(_current, reply));
            });
        }

        public ITimerScheduler Timers { get; set; } = null!;

        private void Ask(IActorRef link)
        {
            _current++;
            link.Tell(new Request(_current, Self));
        }

        private void Finish(Answered answered)
        {
            Timers.CancelAll();
            Context.Parent.Tell(answered);
            _current = 0;
        }
    }

    /// <summary>The protocol's actors, built under the run's parent, and the first message.</summary>
    internal static Action<IActorContext> Setup(bool checksReplyId) => context =>
    {
        var server = context.ActorOf(Props.Create(() => new Server()), "server");
        var link = context.ActorOf(Props.Create(() => new Link(server)), "link");
        var client = context.ActorOf(Props.Create(() => new Client(link, checksReplyId)), "client");
        client.Tell(new Start());
    };

    /// <summary>An answer is the reply to the request it answers.</summary>
    internal static IEnumerable<RunMonitor> Monitors() =>
    [
        new DeliveryMonitor("answer-matches-request", () => delivery =>
            delivery.Message is Answered { Reply: { } reply } answered && reply.RequestId != answered.RequestId
                ? $"request {answered.RequestId} was answered with the reply to request {reply.RequestId} ({reply.Answer})"
                : null),
    ];

    [Theory]
    [InlineData(StrategyKind.Random)]
    [InlineData(StrategyKind.Pct)]
    [InlineData(StrategyKind.Pos)]
    [InlineData(StrategyKind.Portfolio)]
    public void The_exploration_finds_the_late_reply_taken_for_the_retrys_and_tells_its_story(StrategyKind strategy)
    {
        var failed = Assert.Throws<ExplorationFailedException>(() => ActorExploration.Run(
            new ExplorationOptions { Strategy = strategy, Iterations = 100 },
            setup: Setup(checksReplyId: false),
            monitors: Monitors));

        var violation = failed.Violation!;
        Assert.Equal("answer-matches-request", violation.Invariant);
        Assert.Equal("request 2 was answered with the reply to request 1 (answer to 1)", violation.Failure.Reason);
        Assert.StartsWith($"invariant 'answer-matches-request' broken at iteration {violation.Iteration} (seed {violation.Seed}, strategy ", failed.Message, StringComparison.Ordinal);
        // The story: the first timeout, the retry, then the first request's late reply.
        Assert.Contains("/user/exploration/run/client ← timer: Timeout { Id = 1 }", failed.Message, StringComparison.Ordinal);
        Assert.Contains("/user/exploration/run/link ← /user/exploration/run/client: Request { Id = 2", failed.Message, StringComparison.Ordinal);
        Assert.Contains("/user/exploration/run/client ← timer: Reply { RequestId = 1", failed.Message, StringComparison.Ordinal);
        Assert.True(violation.Schedule.Deviations <= violation.Original.Deviations);
    }

    [Fact]
    public void The_client_that_checks_reply_ids_passes_every_schedule_on_two_workers_alike()
    {
        var options = new ExplorationOptions { Iterations = 100, Workers = 2 };
        var report = ActorExploration.Run(options, Setup(checksReplyId: true), Monitors);
        var again = ActorExploration.Run(options with { Workers = 1 }, Setup(checksReplyId: true), Monitors);

        Assert.Empty(report.Violations);
        Assert.Equal(100, report.Schedules.Count);
        Assert.True(report.DistinctInterleavings > 1, "the link's two messages go either way");
        Assert.Equal(report.Digest, again.Digest);
        Assert.Equal(report.Coverage, again.Coverage);
        Assert.Contains(new CoverageTriple("RequestTimeoutRetrySample.Client", "RequestTimeoutRetrySample.Timeout", CoverageTriple.NoState), report.Coverage);
        Assert.DoesNotContain(report.Coverage, triple => triple.Actor.Contains("RunHost", StringComparison.Ordinal));
    }
}
