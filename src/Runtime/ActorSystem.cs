using ActorHyper.Runtime.Controlled;
using ActorHyper.Runtime.Dispatch;
using ActorHyper.Runtime.Timing;
using Serilog;
using Serilog.Core;

namespace ActorHyper.Runtime;

/// <summary>
/// A hierarchy of actors under one root, with its dispatcher, timers, event stream and dead
/// letters. Top-level actors live under <c>/user</c>; runtime helpers such as test probes under <c>/system</c>.
/// </summary>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimerScheduler _timers;
    private readonly ControlledScheduler? _controlled;
    private int _nextActorId;
    private long _nextTempId;
    private long _deadLetterCount;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Log = settings.Logger ?? Logger.None;
        DeadLetters = new DeadLetterActorRef(this);
        if (settings.Mode == ExecutionMode.Controlled)
        {
            _controlled = new ControlledScheduler(settings.Strategy ?? new RandomStrategy(settings.Seed), settings.StepLimit);
            Dispatcher = _controlled;
            Log = Log.ForContext(new ControlledClockEnricher(_controlled));
            _timers = _controlled.Timers;
        }
        else
        {
            _timers = new WallClockScheduler();
            Dispatcher = new ThreadPoolDispatcher(settings.Throughput);
        }

        var guardian = Props.Create(() => new GuardianActor());
        _root = new ActorCell(this, guardian.WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy), null,
            ActorPath.Root, Dispatcher);
        _root.Start();
        _userGuardian = ((LocalActorRef)_root.ActorOf(guardian.WithSupervisorStrategy(SupervisorStrategy.Default), "user")).Cell;
        _systemGuardian = ((LocalActorRef)_root.ActorOf(guardian, "system")).Cell;
    }

    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    public ExecutionMode Mode => Settings.Mode;

    public ILogger Log { get; }

    public EventStream EventStream { get; } = new();

    public IActorRef DeadLetters { get; }

    /// <summary>Messages that could not be delivered so far; each was also published as a <see cref="DeadLetter"/>.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    public IScheduler Scheduler => _timers;

    public TimeSpan Now => Scheduler.Now;

    /// <summary>The controlled scheduler; only in <see cref="ExecutionMode.Controlled"/>.</summary>
    public ControlledScheduler Controlled => _controlled ?? throw new InvalidOperationException(
        $"actor system '{Name}' runs concurrently; only a controlled system has a controlled scheduler");

    /// <summary>Completes once every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal IDispatcher Dispatcher { get; }

    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ActorSystem(name, settings ?? new ActorSystemSettings());
    }

    /// <summary>Creates a top-level actor under <c>/user</c>. Thread-safe.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Creates a runtime helper actor under <c>/system</c>. Thread-safe.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.ActorOf(props, name);

    /// <summary>Asks any actor of this system to stop (after its children). Thread-safe.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local)
        {
            local.Cell.SendSystem(Dispatch.Terminate.Instance);
        }
    }

    /// <summary>
    /// Stops every actor. Concurrent: returns at once; await the task. Controlled: runs the
    /// scheduler until the system has stopped (unless called from inside an actor).
    /// </summary>
    public Task Terminate()
    {
        _root.SendSystem(Dispatch.Terminate.Instance);
        if (_controlled is not null && !_terminated.Task.IsCompleted)
        {
            try
            {
                _controlled.RunUntil(() => _terminated.Task.IsCompleted);
            }
            catch (InvalidOperationException)
            {
                // Called from inside an actor's turn: termination completes as the run goes on.
            }
        }

        return _terminated.Task;
    }

    /// <summary>Terminates the system; its wall-clock timers are released when the root stops.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    internal int NextActorId() => Interlocked.Increment(ref _nextActorId);

    internal ActorPath NextTempPath() =>
        ActorPath.Root.Child("temp").Child("$" + Interlocked.Increment(ref _nextTempId).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Runtime-internal timer callbacks (Ask timeouts), in the system's time.</summary>
    internal ICancelable ScheduleCallback(TimeSpan delay, Action callback) => _timers.ScheduleCallback(delay, callback);

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is DeadLetter)
        {
            return;
        }

        Interlocked.Increment(ref _deadLetterCount);
        Log.Debug("Dead letter {MessageType} from {Sender} to {Recipient}", message.GetType().Name,
            sender?.Path.ToString() ?? "no sender", recipient.Path.ToString());
        EventStream.Publish(new DeadLetter(message, sender, recipient));
    }

    internal void ReportRuntimeFault(ActorPath path, Exception fault) =>
        Log.Error(fault, "Runtime fault while running {ActorPath}", path.ToString());

    internal void OnRootTerminated()
    {
        (_timers as IDisposable)?.Dispose();
        _terminated.TrySetResult();
    }
}
