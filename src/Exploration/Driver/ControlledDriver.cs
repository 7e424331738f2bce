using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;
using Akka.Actor;
using Akka.Actor.Internal;
using Akka.Dispatch;
using Akka.Event;
using Debug = System.Diagnostics.Debug;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Drives a controlled actor system on the caller's thread, one step at a time. A step delivers
/// exactly one message: the head of one sender→receiver channel, or a pending timer's message, as
/// the <see cref="Strategy"/> picks among all of them. System messages (create, stop, watch,
/// terminated, failures) and the mailbox runs they cause are processed after every step in the
/// order they came, without being choices. Every decision is recorded by identity
/// (<see cref="Decisions"/>) and folded, with the delivered message's content, virtual time and every
/// random draw, into <see cref="TraceHash"/>. Monitors see every delivery and every published event.
/// One driver per system; each system may be driven from its own thread, and drivers share nothing.
/// Messages and <c>Ask</c>s from outside (a host, a test) are taken between steps.
/// </summary>
public sealed partial class ControlledDriver
{
    /// <summary>The driver whose step runs on this thread: actor code sends from inside a step, anything else is outside.</summary>
    [ThreadStatic]
    private static ControlledDriver? t_stepping;

    /// <summary>Messages (and events) that came from outside a step, from any thread, in arrival order.</summary>
    private readonly ConcurrentQueue<Incoming> _inbox = new();

    /// <summary>Mailbox runs (for system messages) and other dispatcher tasks, from any thread, run in arrival order.</summary>
    private readonly ConcurrentQueue<(IRunnable Run, bool Foreign)> _work = new();

    /// <summary>The thread that drives the system (the last to make a step or settle): work from any other is Akka's own, or a host's.</summary>
    private int _driverThread = -1;

    private readonly List<RunMonitor> _monitors = [];

    /// <summary>The monitors that look at deliveries, and those that look at events: the others cost a step nothing.</summary>
    private readonly List<RunMonitor> _deliveryMonitors = [];
    private readonly List<RunMonitor> _eventMonitors = [];

    /// <summary>Per message type, the delivery monitors that want it (<see cref="RunMonitor.WantsDelivery"/>); rebuilt when a monitor is added.</summary>
    private readonly Dictionary<Type, RunMonitor[]> _deliveryMonitorsByType = new(ReferenceEqualityComparer.Instance);

    /// <summary>Per event type, the event monitors that want it.</summary>
    private readonly Dictionary<Type, RunMonitor[]> _eventMonitorsByType = new(ReferenceEqualityComparer.Instance);
    private readonly List<Decision> _decisions = [];

    /// <summary>Per decision, the index the strategy chose among the step's choices (0 is the default order's).</summary>
    private readonly List<int> _chosen = [];
    private readonly ChoiceList _choices = new();

    /// <summary>Set while the driver takes the first choice at every step (see <see cref="UseDefaultOrder"/>).</summary>
    private bool _defaultOrder;

    /// <summary>Digests of values many messages of this run share (see <see cref="DigestMemo"/>).</summary>
    private readonly DigestMemo _digests = new();

    /// <summary>The actor whose handler (or system-message run) executes now: the sender of what it sends.</summary>
    private ActorCell? _current;

    private ActorSystem? _system;
    private EventSink? _sink;
    private ulong _traceHash = StableHash.Offset;
    private TimeSpan _now;

    internal ControlledDriver(ulong seed, long stepLimit)
    {
        Seed = seed;
        StepLimit = stepLimit;
        Strategy = new RandomStrategy(seed);
    }

    /// <summary>The seed of this run: of the default strategy and of actors' random streams.</summary>
    public ulong Seed { get; private set; }

    public ISchedulingStrategy Strategy { get; private set; }

    /// <summary>What the system is taken to be: step time, timers, delivery order. Set between runs.</summary>
    public ExecutionModel Model { get; set; } = ExecutionModel.LocalActors;

    /// <summary>The run stops after this many steps.</summary>
    public long StepLimit { get; set; }

    /// <summary>
    /// The step whose delivery what actors send now follows from: the step under way, and after it,
    /// while its new actors start, still that step (they were made by it); −1 before the run's first.
    /// Stories follow it back (<see cref="Monitors.Delivery.CauseStep"/>); PCT and exports keep the
    /// plain send step.
    /// </summary>
    private long _causeStep = -1;

    /// <summary>Steps made so far; also the number of the next step.</summary>
    public long Steps { get; private set; }

    /// <summary>Virtual time: each step costs <see cref="ExecutionModel.StepTime"/>; firing a timer moves it to the timer's due time, and <see cref="RunFor"/> to its end.</summary>
    public TimeSpan Now => _now;

    /// <summary>A stable digest of every decision, delivered message, virtual time and random draw so far.</summary>
    public ulong TraceHash => _traceHash;

    /// <summary>What each step took, by identity: what <see cref="ReplayStrategy"/> replays.</summary>
    public IReadOnlyList<Decision> Decisions => _decisions;

    /// <summary>
    /// Per decision, the index chosen among that step's choices: 0 is what the default order (and a
    /// replay past its end) takes, anything else is a deviation, what shrinking tries to remove.
    /// </summary>
    public IReadOnlyList<int> ChosenIndices => _chosen;

    /// <summary>
    /// Between runs (after <see cref="BetweenRuns"/>, until <see cref="BeginRun"/>): steps settle the
    /// system (a power cycle, assembly) and are neither recorded, hashed nor shown to monitors.
    /// </summary>
    public bool IsBetweenRuns { get; private set; }

    /// <summary>Set when a monitor failed the run; no step is made after it.</summary>
    public RunFailure? Failure { get; private set; }

    /// <summary>Where log events of the run are written (Serilog's global logger unless set).</summary>
    public Serilog.ILogger? Logger { get; set; }

    public ActorSystem System => _system ?? throw new InvalidOperationException("the controlled system is still being created");

    /// <summary>The driver of <paramref name="system"/>; throws if the system is not controlled.</summary>
    public static ControlledDriver Of(ActorSystem system) => TryGet(system) ?? throw new InvalidOperationException(
        $"actor system '{system?.Name}' is not controlled: its scheduler is {system?.Scheduler.GetType().Name}, " +
        $"not {nameof(VirtualTimeScheduler)} (see {nameof(ControlledConfig)})");

    /// <summary>The driver of <paramref name="system"/>, or null when it runs on real threads.</summary>
    public static ControlledDriver? TryGet(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return (system.Scheduler as VirtualTimeScheduler)?.Driver;
    }

    public static bool IsControlled(ActorSystem system) => TryGet(system) is not null;

    public void AddMonitor(RunMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitors.Add(monitor);
        _deliveryMonitorsByType.Clear();
        _eventMonitorsByType.Clear();
        if (Overrides(monitor, nameof(RunMonitor.OnDelivery)))
        {
            _deliveryMonitors.Add(monitor);
        }

        if (Overrides(monitor, nameof(RunMonitor.OnEvent)))
        {
            _eventMonitors.Add(monitor);
        }

        AddTemperature(monitor);
    }

    private static bool Overrides(RunMonitor monitor, string method) =>
        monitor.GetType().GetMethod(method)?.DeclaringType != typeof(RunMonitor);

    /// <summary>Uses <paramref name="strategy"/> from the next step on.</summary>
    public void UseStrategy(ISchedulingStrategy strategy)
    {
        Strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _defaultOrder = false;
    }

    /// <summary>Takes the first choice at every step (between runs, terminating): nothing is recorded, so only the first is listed.</summary>
    private void UseDefaultOrder()
    {
        UseStrategy(new ReplayStrategy([]));
        _defaultOrder = true;
    }

    /// <summary>
    /// Creates a top-level actor and waits until it is started. Akka completes a top-level creation
    /// on the <c>/user</c> guardian's thread; once this returns, everything the actor does is driven
    /// here (its children are created synchronously, inside steps). That hand-over between threads
    /// costs more than the creation itself: actors made anew for every schedule are better made as
    /// children of one controlled actor, in a step (as <see cref="ActorScheduleRunner"/> does).
    /// </summary>
    public IActorRef ActorOf(Props props, string name)
    {
        ArgumentNullException.ThrowIfNull(props);
        EnsureStarted();
        var actor = System.ActorOf(props, name);
        if (actor is RepointableActorRef repointable)
        {
            var waited = Stopwatch.StartNew();
            var spin = new SpinWait();
            while (!repointable.IsStarted)
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"the /user guardian did not start {actor.Path} within 30 s");
                }

                spin.SpinOnce();
            }
        }

        Settle();
        return actor;
    }

    /// <summary>Makes one step (after taking what came from outside); <see cref="RunOutcome.Delivered"/> if it did.</summary>
    public RunOutcome Step() => StepWithin(TimeSpan.MaxValue);

    /// <summary>Runs until nothing can happen any more (or the step limit, or a failure).</summary>
    public RunOutcome RunUntilQuiescent() => RunUntil(static () => false);

    /// <summary>
    /// Runs until <paramref name="condition"/> holds (checked before every step), nothing is left that
    /// can happen by <paramref name="deadline"/> (virtual; then the clock stands at the deadline), the
    /// system is quiescent, the step limit is reached, or a monitor fails the run.
    /// </summary>
    public RunOutcome RunUntil(Func<bool> condition, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = deadline ?? TimeSpan.MaxValue;
        while (true)
        {
            if (condition())
            {
                return RunOutcome.ConditionMet;
            }

            var outcome = StepWithin(limit);
            if (outcome != RunOutcome.Delivered)
            {
                if (outcome == RunOutcome.Quiescent && condition())
                {
                    return RunOutcome.ConditionMet;
                }

                return outcome;
            }
        }
    }

    /// <summary>Runs for <paramref name="duration"/> of virtual time: ends at <see cref="RunOutcome.DeadlineReached"/> with the clock moved on, or earlier.</summary>
    public RunOutcome RunFor(TimeSpan duration) => RunUntil(static () => false, _now + duration);

    /// <summary>
    /// Tells monitors the run is over (<see cref="RunMonitor.OnRunEnd"/>): liveness is judged there.
    /// A violation found then becomes <see cref="Failure"/>; returns the outcome, or Failed.
    /// </summary>
    public RunOutcome EndRun(RunOutcome outcome)
    {
        // A pruned run did not end: its state was explored on from before, and judged there.
        if (_pruned || outcome == RunOutcome.Pruned)
        {
            return RunOutcome.Pruned;
        }

        Consult(CollectionsMarshal.AsSpan(_monitors), outcome, static (monitor, ended) => monitor.OnRunEnd(ended));
        return Failure is null ? outcome : RunOutcome.Failed;
    }

    /// <summary>
    /// Starts a new run on the same actors: the step count, virtual time, pending timers, held
    /// messages (and their channels' numbering), the decisions, the hash, the failure and every
    /// actor's random stream start again, as in a fresh system, with <paramref name="seed"/> and
    /// <paramref name="strategy"/>. The actors' own state is the caller's to reset (a power cycle).
    /// </summary>
    public void BeginRun(ulong seed, ISchedulingStrategy? strategy = null)
    {
        if (t_stepping is not null)
        {
            throw new InvalidOperationException("a run begins between steps, from outside the actors");
        }

        Settle();
        Seed = seed;
        UseStrategy(strategy ?? new RandomStrategy(seed));
        IsBetweenRuns = false;
        Steps = 0;
        _causeStep = -1;
        _now = TimeSpan.Zero;
        _traceHash = StableHash.Offset;
        _decisions.Clear();
        _chosen.Clear();
        _atStep.Clear();
        _digests.Clear();
        Failure = null;
        ClearHeld();
        ClearTimers();
        ClearCausality();
        ResetTemperatures();
        BeginTracking();
        if (_system is not null)
        {
            ActorRandom.For(_system).Reset(seed);
        }

        foreach (var monitor in _monitors)
        {
            monitor.OnRunStart();
        }
    }

    /// <summary>
    /// Ends the current run for tracing: what is driven from now until <see cref="BeginRun"/> (putting
    /// the actors back in shape for the next run) is delivered in the default order, not recorded,
    /// not hashed and not shown to monitors. A run's trace is then the same however it was prepared.
    /// </summary>
    public void BetweenRuns()
    {
        IsBetweenRuns = true;
        UseDefaultOrder();
    }

    /// <summary>
    /// Terminates the system, driving it until Akka reports it terminated: stopping actors is their
    /// own system messages, and the messages stopping sends are delivered in the default order.
    /// </summary>
    public void Terminate(TimeSpan? realTimeout = null)
    {
        var system = System;
        var terminated = system.Terminate();
        var waited = Stopwatch.StartNew();
        var limit = realTimeout ?? TimeSpan.FromSeconds(30);
        UseDefaultOrder();
        while (!terminated.IsCompleted && waited.Elapsed < limit)
        {
            if (StepWithin(TimeSpan.MaxValue, ignoreLimits: true) != RunOutcome.Delivered)
            {
                Thread.Yield();
            }
        }
    }

    /// <summary>Called by <see cref="ControlledDispatcherConfigurator"/>: the system this driver drives.</summary>
    internal void Attach(ActorSystem system)
    {
        if (_system is not null && !ReferenceEquals(_system, system))
        {
            throw new InvalidOperationException("one controlled driver drives one actor system");
        }

        _system = system;
    }

    /// <summary>From an actor's random stream.</summary>
    internal void OnRandomDraw(ulong value) => _traceHash = StableHash.Add(StableHash.Add(_traceHash, 0x52414E44UL), value);

    internal void EnqueueWork(IRunnable run) => _work.Enqueue((run, Environment.CurrentManagedThreadId != _driverThread));

    /// <summary>From <see cref="EventSink"/>, on whatever thread published.</summary>
    internal void OnPublished(object published)
    {
        if (published is LogEvent logEvent)
        {
            ControlledLogWriter.Write(Logger ?? Serilog.Log.Logger, logEvent, Steps, _now);
        }

        if (_eventMonitors.Count == 0 || IsBetweenRuns)
        {
            return;
        }

        if (t_stepping == this)
        {
            ObserveEvent(published);
        }
        else
        {
            _inbox.Enqueue(new Incoming(null, default, published));
        }
    }

    private RunOutcome StepWithin(TimeSpan deadline, bool ignoreLimits = false)
    {
        if (t_stepping is not null)
        {
            throw new InvalidOperationException(
                "a controlled system is driven from its host's thread, never from inside an actor or another driver's step");
        }

        // Between runs the last run's failure and step count no longer hold anything back: a power cycle after a failed run must be able to run.
        ignoreLimits |= IsBetweenRuns;
        if (!ignoreLimits && Failure is not null)
        {
            return RunOutcome.Failed;
        }

        if (!ignoreLimits && _pruned)
        {
            return RunOutcome.Pruned;
        }

        if (!ignoreLimits && Steps >= StepLimit)
        {
            return RunOutcome.StepLimitReached;
        }

        if (_atStep.Count > 0 && !IsBetweenRuns)
        {
            RunAtStep(Steps);
        }

        EnsureStarted();
        t_stepping = this;
        _driverThread = Environment.CurrentManagedThreadId;
        try
        {
            SettleWork();
            BuildChoices(deadline);
            if (_choices.Count == 0)
            {
                if (HasTimers)
                {
                    if (deadline != TimeSpan.MaxValue && deadline > _now)
                    {
                        _now = deadline;
                    }

                    return RunOutcome.DeadlineReached;
                }

                return RunOutcome.Quiescent;
            }

            int index;
            if (_tracking && !ignoreLimits && Strategy is IStateAwareStrategy aware)
            {
                _deadline = deadline;
                index = aware.Choose(this, _choices, Steps);
                if (index == IStateAwareStrategy.Prune)
                {
                    _choices.Clear();
                    _pruned = true;
                    return RunOutcome.Pruned;
                }
            }
            else
            {
                index = Strategy.Choose(_choices, Steps);
            }

            if ((uint)index >= (uint)_choices.Count)
            {
                throw new InvalidOperationException($"strategy '{Strategy.Name}' chose {index} of {_choices.Count} choices");
            }

            var choice = _choices[index];
            var raced = _choices.Count > 1;
            _choices.Clear();
            if (!IsBetweenRuns)
            {
                var identity = choice.Identity;
                _decisions.Add(identity);
                _chosen.Add(index);

                _traceHash = choice is Channel identified
                    ? StableHash.Add(StableHash.Add(_traceHash, identified.IdentityHash), (ulong)identity.Sequence)
                    : _traceHash;
            }

            _stepSerial++;
            _inStep = true;
            _causeStep = Steps;
            // A delivery sets its own cause (TrackDelivery); an action timer's runs are caused by the step itself.
            _stepCause = _tracking ? StableHash.Add(0x54494D45UL, (ulong)Steps) : 0;
            _stepReceiver = choice is Channel chosenChannel ? chosenChannel.Cell : null;
            _stepTouchedOthers = choice is not Channel;
            _stepDeliveries = 0;
            if (choice is Channel channel)
            {
                DeliverHead(channel);
                Debug.Assert(_stepDeliveries == 1, "a step that takes a channel's head delivers exactly that one message");
            }
            else
            {
                Fire((PendingTimer)choice, raced);
                Debug.Assert(_stepDeliveries <= 1, "a step that fires a timer delivers at most its one message (an action timer delivers none)");
            }

            Steps++;
            // Work takes time: a loop of self-messages moves the clock, so its own timers come due.
            _now += Model.StepTime;
            SettleWork();
            if (_temperatures.Count > 0 && !IsBetweenRuns)
            {
                CheckTemperatures();
            }

            LastStepWasLocal = !_stepTouchedOthers;
            _stepReceiver = null;
            _inStep = false;
            return Failure is null || ignoreLimits ? RunOutcome.Delivered : RunOutcome.Failed;
        }
        finally
        {
            t_stepping = null;
            _current = null;
            _inStep = false;
        }
    }

    /// <summary>Takes what came from outside and runs pending system work, outside any step.</summary>
    private void Settle()
    {
        if (t_stepping == this)
        {
            return;
        }

        EnsureStarted();
        t_stepping = this;
        _driverThread = Environment.CurrentManagedThreadId;
        try
        {
            SettleWork();
        }
        finally
        {
            t_stepping = null;
        }
    }

    /// <summary>Until nothing is left: outside messages into their channels, events to monitors, mailbox runs in order.</summary>
    private void SettleWork()
    {
        var progressed = true;
        while (progressed)
        {
            progressed = false;
            while (_inbox.TryDequeue(out var incoming))
            {
                progressed = true;
                if (incoming.Event is { } published)
                {
                    ObserveEvent(published);
                }
                else
                {
                    HoldFrom(null, incoming.Receiver!, incoming.Envelope);
                }
            }

            while (_work.TryDequeue(out var work))
            {
                progressed = true;
                RunWork(work.Run, work.Foreign);
            }
        }
    }

    private void RunWork(IRunnable run, bool foreign)
    {
        if (run is Mailbox mailbox)
        {
            var cell = MailboxOwner.Of(mailbox);
            if (!foreign)
            {
                TrackWork(cell);
                RanSystemMessages(cell);
            }

            TakeUnstashed(cell);
            _current = cell;
            try
            {
                mailbox.Run();
            }
            finally
            {
                _current = null;
            }

            NoteSuspension(cell);
            TakeUnstashed(cell);
        }
        else
        {
            run.Run();
        }
    }

    /// <summary>The digest of a message the trace hash will fold in: none between runs, which are not hashed.</summary>
    private ulong DigestOf(Envelope envelope) => IsBetweenRuns ? 0 : MessageDigest.Of(envelope.Message, _digests);

    /// <summary>Delivers one message to a controlled actor, on this thread: one mailbox turn, done here (see below); <paramref name="digest"/> is its message's (<see cref="DigestOf"/>).</summary>
    private void Deliver(ActorCell cell, Envelope envelope, string receiver, string sender, bool isTimer, ulong digest, VectorClock? clock, long causeStep, bool isUnstashed = false)
    {
        _stepDeliveries++;
        if (IsCausal)
        {
            Received(cell, clock);
        }

        if (!IsBetweenRuns)
        {
            if (_deliveryMonitors.Count > 0 && Interested(_deliveryMonitorsByType, _deliveryMonitors, envelope.Message.GetType(), static (m, t) => m.WantsDelivery(t)) is { Length: > 0 } watching)
            {
                ObserveDelivery(watching, new Delivery(Steps, _now, receiver, sender, envelope.Message, cell.Self, isTimer)
                {
                    IsUnstashed = isUnstashed,
                    IsDeadLetter = cell.IsTerminated,
                    CauseStep = causeStep,
                });
            }

            _traceHash = StableHash.Add(StableHash.Add(_traceHash, digest), (ulong)_now.Ticks);
            TrackDelivery(cell, envelope, digest);
        }
        var mailbox = cell.Mailbox!;
        if (cell.IsTerminated)
        {
            // A stopped actor's mailbox is Akka's dead-letter mailbox: the enqueue publishes the dead letter.
            mailbox.MessageQueue.Enqueue(cell.Self, envelope);
            return;
        }

        // What one turn of Mailbox.Run does for one message, without the queue, the scheduling
        // status and the throughput clock: the actor's system messages, the message, its system
        // messages again. The mailbox is neither closed nor suspended (suspended ones offer no choice).
        var previous = InternalCurrentActorCellKeeper.Current;
        InternalCurrentActorCellKeeper.Current = cell;
        _current = cell;
        try
        {
            MailboxAccess.ProcessAllSystemMessages(mailbox);
            cell.Invoke(envelope);
            MailboxAccess.ProcessAllSystemMessages(mailbox);
        }
        finally
        {
            _current = null;
            InternalCurrentActorCellKeeper.Current = previous;
        }

        NoteSuspension(cell);
        TakeUnstashed(cell);
    }

    private void ObserveDelivery(RunMonitor[] watching, Delivery delivery) => Consult(watching, delivery, static (monitor, seen) => monitor.OnDelivery(seen));

    private void ObserveEvent(object published) =>
        Consult(Interested(_eventMonitorsByType, _eventMonitors, published.GetType(), static (m, t) => m.WantsEvent(t)), published,
            static (monitor, seen) => monitor.OnEvent(seen));

    /// <summary>Shows <paramref name="seen"/> to each monitor; the first violation is the run's failure (what was seen still happens).</summary>
    private void Consult<T>(ReadOnlySpan<RunMonitor> monitors, T seen, Action<RunMonitor, T> look)
    {
        foreach (var monitor in monitors)
        {
            try
            {
                look(monitor, seen);
            }
            catch (MonitorViolationException e)
            {
                Failure ??= new RunFailure(monitor.Name, e.Message, Steps, _now);
            }
        }
    }

    /// <summary>The monitors of <paramref name="all"/> that want <paramref name="type"/>, in the order they were added; asked once per type.</summary>
    private static RunMonitor[] Interested(Dictionary<Type, RunMonitor[]> byType, List<RunMonitor> all, Type type, Func<RunMonitor, Type, bool> wants) =>
        byType.TryGetValue(type, out var interested) ? interested : AskInterest(byType, all, type, wants);

    /// <summary>The first time a type is seen (apart: a lambda's captures would be allocated at every look-up).</summary>
    private static RunMonitor[] AskInterest(Dictionary<Type, RunMonitor[]> byType, List<RunMonitor> all, Type type, Func<RunMonitor, Type, bool> wants)
    {
        var interested = all.Where(monitor => wants(monitor, type)).ToArray();
        byType.Add(type, interested);
        return interested;
    }

    /// <summary>Subscribes the event sink once the system exists: Akka builds dispatchers before its provider is ready.</summary>
    private void EnsureStarted()
    {
        if (_sink is not null)
        {
            return;
        }

        var system = (ExtendedActorSystem)System;
        _sink = new EventSink(this, system.Provider);
        system.EventStream.Subscribe(_sink, typeof(object));
        ActorRandom.For(system);
    }

    /// <summary>A message or event that came from outside a step.</summary>
    private readonly record struct Incoming(ActorCell? Receiver, Envelope Envelope, object? Event);
}
