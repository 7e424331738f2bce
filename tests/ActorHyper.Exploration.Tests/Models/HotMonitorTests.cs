using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using Xunit;

namespace ActorHyper.Exploration.Tests.Models;

/// <summary>Liveness with temperature: a request owed for too long fails the run, though the run never goes quiet.</summary>
public sealed class HotMonitorTests
{
    private sealed record Job(int Id);

    private sealed record Done(int Id);

    private sealed record Tick;

    /// <summary>Hot from a job's delivery to the worker until its done reaches the client.</summary>
    private sealed class JobsOwed : RunMonitor
    {
        private readonly HashSet<int> _owed = [];

        public override string Name => "jobs-done";

        public override bool IsHot => _owed.Count > 0;

        public override string HotReason => $"job {string.Join(", ", _owed)} never done";

        public override void OnRunStart() => _owed.Clear();

        public override bool WantsDelivery(Type messageType) => messageType == typeof(Job) || messageType == typeof(Done);

        public override void OnDelivery(Delivery delivery)
        {
            switch (delivery.Message)
            {
                case Job job:
                    _owed.Add(job.Id);
                    break;
                case Done done:
                    _owed.Remove(done.Id);
                    break;
            }
        }
    }

    /// <summary>Does each job, but (the bug) drops the one that comes while it is busy ticking; it ticks for ever, so the run never ends quiet.</summary>
    private sealed class Worker : ReceiveActor
    {
        public Worker(bool dropsJobs)
        {
            var ticks = 0;
            Receive<Job>(job =>
            {
                if (!dropsJobs || ticks == 0)
                {
                    Sender.Tell(new Done(job.Id));
                }
            });
            Receive<Tick>(_ =>
            {
                ticks++;
                Self.Tell(new Tick());
            });
        }
    }

    private sealed class Client : ReceiveActor
    {
        public Client(IActorRef worker)
        {
            Receive<string>(_ => worker.Tell(new Job(1)));
            Receive<Done>(_ => { });
        }
    }

    private static Action<IActorContext> Build(bool dropsJobs) => context =>
    {
        var worker = context.ActorOf(Props.Create(() => new Worker(dropsJobs)), "worker");
        worker.Tell(new Tick());
        context.ActorOf(Props.Create(() => new Client(worker)), "client").Tell("go");
    };

    private static readonly ActorExplorationSettings Settings = new() { StepLimit = 20_000, HotStepLimit = 1_000 };

    [Fact]
    public void A_job_owed_for_longer_than_the_limit_fails_a_run_that_never_goes_quiet()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 200, Seed = 2 },
            Build(dropsJobs: true), () => [new JobsOwed()], Settings);

        var violation = Assert.Single(report.Violations);
        Assert.Equal("jobs-done", violation.Invariant);
        Assert.Contains("liveness: hot for 1,001 steps", violation.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains("job 1 never done", violation.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_that_does_every_job_passes_though_it_never_stops_ticking()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 200, Seed = 2 },
            Build(dropsJobs: false), () => [new JobsOwed()], Settings);

        Assert.Empty(report.Violations);
        Assert.All(report.Schedules, s => Assert.Equal(RunOutcome.StepLimitReached, s.Outcome));
    }
}
