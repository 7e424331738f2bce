using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using Akka.Configuration;

namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// Runs schedules of any Akka.NET actors on one controlled actor system, built once per worker. The
/// user's actors live under <c>/user/exploration/run</c>, a parent made anew for every schedule: its
/// setup (the caller's function, run in its constructor) creates them and sends the first messages.
/// Between schedules the last one's held messages and timers are dropped, then the parent is stopped
/// (its children with it) in untraced steps, so each schedule starts from actors just built, whatever
/// ran before it on this worker: step for step the same run in any worker.
/// </summary>
public sealed class ActorScheduleRunner : IScheduleRunner
{
    private readonly ActorSystem _system;
    private readonly ControlledDriver _driver;
    private readonly IActorRef _host;
    private readonly HostState _state = new();
    private readonly ActorExplorationSettings _settings;
    private readonly CausalStory _story;
    private readonly DeadLetterMonitor _deadLetters;
    private readonly CoverageMonitor _coverage = new(static type => type == typeof(RunHost) || type == typeof(RunRoot));
    private readonly Action<IActorContext> _setup;
    private bool _ran;

    /// <param name="setup">Builds the actors (<c>context.ActorOf</c>) and sends the first messages; runs inside the run's parent actor.</param>
    /// <param name="monitors">This worker's monitors (a monitor sees one run at a time; every worker needs its own).</param>
    public ActorScheduleRunner(Action<IActorContext> setup, IEnumerable<RunMonitor> monitors, ActorExplorationSettings? settings = null, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(monitors);
        _setup = setup;
        _settings = settings ?? new ActorExplorationSettings();
        _story = new CausalStory(_settings.StoryLength);
        var config = ControlledConfig.Controlled(seed, _settings.StepLimit, _settings.Model);
        if (!string.IsNullOrWhiteSpace(_settings.Hocon))
        {
            config = ConfigurationFactory.ParseString(_settings.Hocon).WithFallback(config);
        }

        _system = ActorSystem.Create(_settings.SystemName, config);
        _driver = ControlledDriver.Of(_system);
        _driver.HotStepLimit = _settings.HotStepLimit;
        _driver.HotTimeLimit = _settings.HotTimeLimit;
        foreach (var monitor in monitors)
        {
            _driver.AddMonitor(monitor);
        }

        // Crashes and unhandled messages are findings unless the settings allow them; dead letters are counted.
        _driver.AddMonitor(new CrashMonitor(_system, _settings.AllowCrashes));
        _driver.AddMonitor(new UnhandledMonitor(_settings.AllowUnhandled));
        _deadLetters = new DeadLetterMonitor(_settings.DeadLettersAreViolations);
        _driver.AddMonitor(_deadLetters);
        _driver.AddMonitor(_coverage);
        _driver.AddMonitor(_story);
        _host = _driver.ActorOf(ProducedProps.Of(() => new RunHost(_state)), "exploration");
    }

    public ControlledDriver Driver => _driver;

    /// <summary>Adds a monitor for the next runs (an export's recorder, say).</summary>
    public void AddMonitor(RunMonitor monitor) => _driver.AddMonitor(monitor);

    public ScheduleResult Run(ulong seed, ISchedulingStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (_ran)
        {
            // Drop what the last run left held or pending (a ping-pong cut by a failure would never end), then stop its actors, untraced.
            _driver.BeginRun(seed, new ReplayStrategy([]));
            _driver.BetweenRuns();
            _state.Cleared = false;
            _host.Tell(RunHost.Clear.Instance);
            _driver.RunUntil(() => _state.Cleared);
        }

        _ran = true;
        _state.SetupError = null;
        _driver.BeginRun(seed, strategy);
        _host.Tell(new RunHost.Build(_setup));
        var outcome = _settings.TimeLimit is { } limit
            ? _driver.RunUntil(static () => false, limit)
            : _driver.RunUntilQuiescent();
        if (_state.SetupError is { } error)
        {
            throw new InvalidOperationException($"the setup threw {error.GetType().Name}: {error.Message}", error);
        }

        outcome = _driver.EndRun(outcome);
        return ScheduleResult.From(_driver, outcome, _driver.Failure is null ? null : _story.Story(_driver)) with
        {
            Coverage = _coverage.Triples(),
            DeadLetters = _deadLetters.Count,
        };
    }

    public void Dispose() => _driver.Terminate();

    /// <summary>What the host tells the runner, on the driver's thread.</summary>
    private sealed class HostState
    {
        public bool Cleared { get; set; }

        /// <summary>What the setup threw, if it did (Akka would only log it and stop the run's parent).</summary>
        public Exception? SetupError { get; set; }
    }

    /// <summary>The one top-level actor: it makes each run's parent and stops it again.</summary>
    private sealed class RunHost : ReceiveActor
    {
        private IActorRef? _run;

        public RunHost(HostState state)
        {
            Receive<Build>(build => _run = Context.ActorOf(ProducedProps.Of(() => new RunRoot(build.Setup, state)), "run"));
            Receive<Clear>(_ =>
            {
                if (_run is not null)
                {
                    // The stop's system messages (the children's too) are processed after this step: the name is free by the next.
                    Context.Stop(_run);
                    _run = null;
                }

                state.Cleared = true;
            });
        }

        public sealed record Build(Action<IActorContext> Setup)
        {
            /// <summary>The story's first line: a delegate prints as its type.</summary>
            public override string ToString() => "Build (the run's actors)";
        }

        public sealed class Clear
        {
            public static readonly Clear Instance = new();

            private Clear()
            {
            }
        }
    }

    /// <summary>
    /// The parent of one run's actors, made fresh per run (its children's automatic names start again
    /// too). It takes whatever its children tell it (a report to the parent, which monitors read) and
    /// does nothing with it: that is its purpose, not an unhandled message of the user's.
    /// </summary>
    private sealed class RunRoot : UntypedActor
    {
        public RunRoot(Action<IActorContext> setup, HostState state)
        {
            try
            {
                setup(Context);
            }
            catch (Exception e)
            {
                state.SetupError = e;
                throw;
            }
        }

        protected override void OnReceive(object message)
        {
        }
    }
}
