using ActorHyper.Bench.Toys;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;
using Microsoft.Coyote;
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace ActorHyper.Bench;

/// <summary>A toy as both contenders run it: its Akka.NET root and its Coyote test body.</summary>
public sealed record Toy(string Name, Func<Verdict, bool, Props> AkkaRoot, Action<IActorRuntime> CoyoteTest, int Deliveries, int AkkaActors,
    Func<int> CoyoteCompleted, Action ResetCoyoteCompleted)
{
    public static readonly Toy FanIn = new("fan-in", Toys.FanIn.Root, Toys.FanIn.CoyoteTest, Toys.FanIn.Deliveries, Toys.FanIn.AkkaActors,
        () => Toys.FanIn.CoyoteCompleted, Toys.FanIn.ResetCoyoteCompleted);

    public static readonly Toy Boot = new("boot", Toys.Boot.Root, Toys.Boot.CoyoteTest, Toys.Boot.Deliveries, Toys.Boot.AkkaActors,
        () => Toys.Boot.CoyoteCompleted, Toys.Boot.ResetCoyoteCompleted);

    public override string ToString() => Name;
}

/// <summary>
/// Coyote's systematic testing engine with its random strategy: one engine for
/// <paramref name="schedules"/> iterations, each of which runs the toy's test body on fresh actors.
/// </summary>
public static class CoyoteContender
{
    public static void Run(Toy toy, int schedules, uint seed)
    {
        ArgumentNullException.ThrowIfNull(toy);
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)schedules)
            .WithRandomStrategy()
            .WithRandomGeneratorSeed(seed)
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None);
        toy.ResetCoyoteCompleted();
        using var engine = TestingEngine.Create(configuration, toy.CoyoteTest);
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        engine.Run();
        var report = engine.TestReport;
        if (report.NumOfFoundBugs > 0)
        {
            throw new InvalidOperationException($"{toy.Name} under Coyote: {string.Join("; ", report.BugReports)}");
        }

        if (toy.CoyoteCompleted() != schedules)
        {
            throw new InvalidOperationException($"{toy.Name} under Coyote: {toy.CoyoteCompleted()} of {schedules} schedules ran to their end");
        }
    }
}

/// <summary>
/// Ours: one controlled Akka.NET system for every schedule, run as <see cref="ActorExploration"/>
/// runs a user's actors. A controlled host actor, made once, builds each schedule's root as its child
/// in the schedule's first step (<see cref="ControlledDriver.BeginRun"/> with the schedule's seed, the
/// random strategy), the run goes to quiescence, and the host stops the root between runs (untraced),
/// so the next schedule starts on fresh actors. A top-level root instead would be started by Akka's
/// /user guardian on the thread pool, a hand-over between threads at every schedule.
/// </summary>
public sealed class OurContender : IDisposable
{
    private readonly ActorSystem _system;
    private readonly Verdict _verdict = new();
    private readonly IActorRef _host;
    private long _roots;
    private bool _rootLive;

    public OurContender(string name = "bench")
    {
        _system = ActorSystem.Create(name, ControlledConfig.Controlled(seed: 1));
        Driver = ControlledDriver.Of(_system);
        _host = Driver.ActorOf(ProducedProps.Of(() => new RootHost()), "host");
    }

    public ControlledDriver Driver { get; }

    /// <summary>Runs <paramref name="schedules"/> schedules of <paramref name="toy"/>; returns the deliveries made (the drivers' steps).</summary>
    /// <param name="messages">False: the same actors are created and stopped, but nobody sends anything.</param>
    public long Run(Toy toy, int schedules, ulong firstSeed, bool messages = true)
    {
        ArgumentNullException.ThrowIfNull(toy);
        long deliveries = 0;
        for (var i = 0; i < schedules; i++)
        {
            StopRoot();
            Driver.BeginRun(firstSeed + (ulong)i);
            _verdict.Reset();
            _host.Tell(toy.AkkaRoot(_verdict, messages));
            _rootLive = true;
            var outcome = Driver.RunUntilQuiescent();
            // The host's step that built the root is not one of the toy's deliveries.
            deliveries += Driver.Steps - 1;
            if (outcome != RunOutcome.Quiescent || _verdict.Violation is not null || _verdict.Completed != messages)
            {
                throw new InvalidOperationException(
                    $"{toy.Name}, seed {firstSeed + (ulong)i}: {outcome} after {Driver.Steps} steps, {_verdict.Violation ?? (_verdict.Completed ? "completed" : "not completed")}");
            }
        }

        StopRoot();
        return deliveries;
    }

    /// <summary>The last schedule's root stopped, between runs: its stop and its children's are driven here, untraced.</summary>
    private void StopRoot()
    {
        if (!_rootLive)
        {
            return;
        }

        Driver.BetweenRuns();
        // The toys' actors are quiet at a run's end: quiescence comes once the stop has been driven.
        _host.Tell(RootHost.Clear.Instance);
        Driver.RunUntilQuiescent();
        _rootLive = false;
    }

    /// <summary>Builds each schedule's root as its child, under one name (free again once the last root has stopped), and stops it.</summary>
    private sealed class RootHost : UntypedActor
    {
        private IActorRef? _root;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Props props:
                    _root = Context.ActorOf(props, "root");
                    break;
                case Clear:
                    if (_root is not null)
                    {
                        Context.Stop(_root);
                        _root = null;
                    }

                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }

        public sealed class Clear
        {
            public static readonly Clear Instance = new();
        }
    }

    /// <summary>A fresh pair of top-level actors bouncing one ball <paramref name="deliveries"/> times; returns the steps.</summary>
    public long PingPong(long deliveries, ulong seed)
    {
        Driver.BeginRun(seed);
        var left = new Countdown(deliveries);
        var ping = Driver.ActorOf(Props.Create(() => new Player(left)), RootName());
        var pong = Driver.ActorOf(Props.Create(() => new Player(left)), RootName());
        ping.Tell(Ball.Instance, pong);
        var outcome = Driver.RunUntilQuiescent();
        if (outcome != RunOutcome.Quiescent || Driver.Steps != deliveries)
        {
            throw new InvalidOperationException($"ping-pong: {outcome} after {Driver.Steps} of {deliveries} deliveries");
        }

        Stop(ping);
        Stop(pong);
        return Driver.Steps;
    }

    public void Dispose() => Driver.Terminate();

    private string RootName() => "r" + (_roots++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stops a top-level actor directly (not through the /user guardian's thread) and drives the system until it has terminated.</summary>
    private void Stop(IActorRef root)
    {
        var actor = (IInternalActorRef)root;
        actor.Stop();
        var spin = new SpinWait();
        while (true)
        {
            Driver.RunUntilQuiescent();
#pragma warning disable CS0618 // Watching would take a watcher actor and its messages; this is the driver's own thread.
            if (actor.IsTerminated)
#pragma warning restore CS0618
            {
                return;
            }

            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    public sealed class Ball
    {
        public static readonly Ball Instance = new();
    }

    private sealed class Countdown(long count)
    {
        public bool Next() => --count > 0;
    }

    private sealed class Player : ReceiveActor
    {
        public Player(Countdown left) => Receive<Ball>(ball =>
        {
            if (left.Next())
            {
                Sender.Tell(ball);
            }
        });
    }
}
