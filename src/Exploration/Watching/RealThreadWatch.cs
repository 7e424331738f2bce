using System.Collections.Concurrent;
using System.Diagnostics;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;
using Akka.Actor.Scheduler;
using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// Watches an actor system on real threads with the monitors of controlled runs. Each user message
/// an actor takes from its (observed, <see cref="WatchedConfig"/>) mailbox, and each event published
/// on the event stream, is handed, if some monitor wants its type, to one hub actor that calls the
/// monitors on its own thread in its mailbox's order, an order consistent with causality (see
/// <see cref="WatchHub"/>). The machine's threads pay a counter, a type look-up and, for wanted
/// messages only, a record and an enqueue; paths and texts are made on the hub.
/// </summary>
public sealed class RealThreadWatch : IDisposable
{
    private static int s_names;

    private readonly ActorSystem _system;
    private readonly WatchSlot _slot;
    private readonly WatchOptions _options;
    private readonly RunMonitor[] _deliveryMonitors;
    private readonly RunMonitor[] _eventMonitors;
    private readonly Type[] _eventTypes;

    // Asked once per type (under a lock on a miss): a monitor's answer is one call, whichever thread meets the type first.
    private readonly ConcurrentDictionary<Type, DeliveryInterest> _deliveryInterest = new();
    private readonly ConcurrentDictionary<Type, RunMonitor[]> _eventInterest = new();
    private readonly Lock _asking = new();

    private readonly StripedCounter _observed = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    /// <summary>Records handed to the hub, counted per thread: every observed delivery would otherwise contend for one cache line.</summary>
    private readonly StripedCounter _enqueued = new();
    private long _processed;

    /// <summary>
    /// What the machine's threads hand the hub, in the order they handed it (<see cref="HubInbox"/>: its
    /// order respects causality exactly as a mailbox's would, a local hand-off happening at once). The
    /// hub drains it in batches, woken by one message per batch rather than one mailbox message per record.
    /// </summary>
    private readonly HubInbox _inbox = new();

    /// <summary>1 while a wake-up is on its way to the hub or the hub is draining; 0 when it may sleep.</summary>
    private int _awake;
    private long _deadLetters;
    private long _expectedDeadLetters;
    private long _unexpectedDeadLetters;
    private long _unhandled;
    private long _crashes;
    private int _disposed;

    private readonly List<WatchedViolation> _violations = [];
    private readonly Lock _violationsGate = new();
    private readonly RecentItems _recentDeadLetters = new(RecentLimit);
    private readonly RecentItems _recentUnhandled = new(RecentLimit);
    private readonly RecentItems _recentCrashes = new(RecentLimit);

    private WatchEventSink? _sink;
    private IActorRef? _hub;

    /// <summary>How many unexpected dead letters, unhandled messages and crashes are kept as text.</summary>
    public const int RecentLimit = 20;

    private RealThreadWatch(ActorSystem system, WatchSlot slot, RunMonitor[] monitors, WatchOptions options)
    {
        _system = system;
        _slot = slot;
        _options = options;
        // Monitors that do not look at deliveries (or events) are never asked about their types, as in the controlled driver.
        _deliveryMonitors = monitors.Where(m => Overrides(m, nameof(RunMonitor.OnDelivery))).ToArray();
        _eventMonitors = monitors.Where(m => Overrides(m, nameof(RunMonitor.OnEvent))).ToArray();
        _eventTypes = options.EventTypes.ToArray();
    }

    /// <summary>
    /// Starts watching <paramref name="system"/> (configured with <see cref="WatchedConfig"/>) with
    /// <paramref name="monitors"/>: each is told <see cref="RunMonitor.OnRunStart"/> here, then sees
    /// deliveries and events on the hub's thread only. One watch per system at a time.
    /// </summary>
    public static RealThreadWatch Start(ActorSystem system, IReadOnlyList<RunMonitor> monitors, WatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(monitors);
        var expected = WatchedConfig.TypeName(typeof(ObservedMailbox));
        var configured = system.Settings.Config.GetString("akka.actor.default-mailbox.mailbox-type", "");
        if (configured != expected)
        {
            throw new InvalidOperationException(
                $"actor system '{system.Name}' is not watchable: its default mailbox is \"{configured}\", not \"{expected}\" " +
                $"(create it with {nameof(WatchedConfig)}.{nameof(WatchedConfig.Config)}.WithFallback(...))");
        }

        var all = monitors.ToArray();
        var watch = new RealThreadWatch(system, WatchRegistry.SlotOf(system), all, options ?? new WatchOptions());
        watch.Begin(all);
        return watch;
    }

    /// <summary>Every user message an actor of the system took for its handler since the start, wanted or not.</summary>
    public long Observed => _observed.Read();

    /// <summary>Records (deliveries and events) the hub has processed.</summary>
    public long Watched => Interlocked.Read(ref _processed);

    /// <summary>Records enqueued to the hub and not yet processed: how far the hub lags behind the machine.</summary>
    public long Backlog => _enqueued.Read() - Interlocked.Read(ref _processed);

    /// <summary>Dead letters published (counted on the publisher's thread); the hub splits them into expected and unexpected.</summary>
    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public long ExpectedDeadLetters => Interlocked.Read(ref _expectedDeadLetters);

    public long UnexpectedDeadLetters => Interlocked.Read(ref _unexpectedDeadLetters);

    public long UnhandledMessages => Interlocked.Read(ref _unhandled);

    /// <summary>Error log events carrying an exception: a handler threw and its supervisor restarted or stopped it.</summary>
    public long Crashes => Interlocked.Read(ref _crashes);

    /// <summary>The violations so far, in the order found.</summary>
    public IReadOnlyList<WatchedViolation> Violations
    {
        get
        {
            lock (_violationsGate)
            {
                return _violations.ToArray();
            }
        }
    }

    /// <summary>Wall time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>The last <paramref name="n"/> (at most <see cref="RecentLimit"/>) unexpected dead letters, oldest first.</summary>
    public IReadOnlyList<WatchedItem> RecentDeadLetters(int n) => _recentDeadLetters.Last(n);

    public IReadOnlyList<WatchedItem> RecentUnhandled(int n) => _recentUnhandled.Last(n);

    public IReadOnlyList<WatchedItem> RecentCrashes(int n) => _recentCrashes.Last(n);

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The event-stream subscriber, for tests.</summary>
    internal IActorRef? Sink => _sink;

    /// <summary>The hub, for tests.</summary>
    internal IActorRef? Hub => _hub;

    /// <summary>
    /// Blocks until the hub has processed everything enqueued to it before this call (a marker goes
    /// through its mailbox behind them); false if that takes longer than <paramref name="timeout"/>.
    /// What actors are still to take from their own mailboxes is not waited for: that is the host's.
    /// </summary>
    public bool WaitUntilDrained(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (WatchHub.Current?.Watch == this)
        {
            throw new InvalidOperationException("WaitUntilDrained called on the hub's own thread (from a monitor or OnViolation) would wait on itself");
        }

        var marker = new DrainMarker();
        Hand(marker);
        return marker.Reached.Task.Wait(timeout);
    }

    /// <summary>
    /// Runs <paramref name="check"/> on each monitor (not yet failed) on the hub's thread, after what
    /// the hub has been sent so far, and waits for it: the host's checks at a quiescent point, e.g.
    /// <c>watch.Judge(m =&gt; m.OnRunEnd(RunOutcome.Quiescent))</c>. A monitor that fails becomes a violation.
    /// </summary>
    public void Judge(Action<RunMonitor> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (WatchHub.Current is { } hub && hub.Watch == this)
        {
            hub.RunJudge(check);
            return;
        }

        var request = new JudgeRequest(check);
        Hand(request);
        if (!request.Done.Task.Wait(_options.JudgeTimeout))
        {
            throw new TimeoutException($"the watch's hub did not judge within {_options.JudgeTimeout} (backlog {Backlog})");
        }
    }

    /// <summary>Detaches the watch from the system's mailboxes, unsubscribes from the event stream and stops the hub (what it had not processed is dropped).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _slot.Detach(this);
        if (_sink is not null)
        {
            _system.EventStream.Unsubscribe(_sink);
        }

        if (_hub is not null)
        {
            _system.Stop(_hub);
        }
    }

    /// <summary>On the thread of the actor about to handle <paramref name="envelope"/>: count, and hand it to the hub if wanted.</summary>
    internal void OnDequeued(ObservedQueue queue, in Envelope envelope)
    {
        _observed.Increment();
        var message = envelope.Message;
        // The scheduler's tells (actor timers among them) sit in the queue in a wrapper the cell strips
        // before it invokes: monitors are shown what the cell invokes, as the controlled driver does.
        var scheduled = message is IScheduledTellMsg;
        if (scheduled)
        {
            message = ((IScheduledTellMsg)message).Message;
        }

        var interest = _deliveryInterest.TryGetValue(message.GetType(), out var known) ? known : AskDeliveryInterest(message.GetType());
        if (interest.Monitors.Length > 0)
        {
            Post(new ObservedDelivery(queue, envelope.Sender, message, interest, scheduled, Stopwatch.GetTimestamp()));
        }
    }

    /// <summary>On the publisher's thread: count what is notable, and hand to the hub what a monitor wants or the hub keeps.</summary>
    internal void OnPublished(object published)
    {
        var notable = false;
        switch (published)
        {
            case DeadLetter:
                Interlocked.Increment(ref _deadLetters);
                notable = true;
                break;
            case UnhandledMessage:
                Interlocked.Increment(ref _unhandled);
                notable = true;
                break;
            case Error { Cause: not null }:
                Interlocked.Increment(ref _crashes);
                notable = true;
                break;
        }

        var type = published.GetType();
        var monitors = _eventInterest.TryGetValue(type, out var known) ? known : AskEventInterest(type);
        if (monitors.Length > 0 || notable)
        {
            Post(new ObservedEvent(published, monitors, Stopwatch.GetTimestamp()));
        }
    }

    internal TimeSpan ElapsedAt(long timestamp) => Stopwatch.GetElapsedTime(_started, timestamp);

    internal void NoteProcessed() => Interlocked.Increment(ref _processed);

    /// <summary>On the hub: the host says whether it expected <paramref name="dead"/>; a host's predicate that throws counts it unexpected.</summary>
    internal void ClassifyDeadLetter(DeadLetter dead, WatchedItem item)
    {
        bool expected;
        try
        {
            expected = _options.IsExpectedDeadLetter?.Invoke(dead) ?? false;
        }
        catch (Exception)
        {
            expected = false;
        }

        if (expected)
        {
            Interlocked.Increment(ref _expectedDeadLetters);
        }
        else
        {
            Interlocked.Increment(ref _unexpectedDeadLetters);
            _recentDeadLetters.Add(item);
        }
    }

    internal void NoteUnhandled(WatchedItem item) => _recentUnhandled.Add(item);

    internal void NoteCrash(WatchedItem item) => _recentCrashes.Add(item);

    /// <summary>On the hub (or at start): records a violation and tells the host.</summary>
    internal void Report(WatchedViolation violation)
    {
        lock (_violationsGate)
        {
            _violations.Add(violation);
        }

        if (_options.OnViolation is { } tell)
        {
            try
            {
                tell(violation);
            }
            catch (Exception e)
            {
                // The host's handler failing must not take the hub down; it is recorded, not told again.
                lock (_violationsGate)
                {
                    _violations.Add(new WatchedViolation("watch.on-violation", ReasonOf(e), violation.At, []));
                }
            }
        }
    }

    internal static string ReasonOf(Exception e) => $"exception: {e.GetType().FullName}: {e.Message}";

    private void Begin(RunMonitor[] monitors)
    {
        var failed = new HashSet<RunMonitor>(ReferenceEqualityComparer.Instance);
        foreach (var monitor in monitors)
        {
            try
            {
                monitor.OnRunStart();
            }
            catch (Exception e)
            {
                failed.Add(monitor);
                Report(new WatchedViolation(monitor.Name, e is MonitorViolationException ? e.Message : ReasonOf(e), TimeSpan.Zero, []));
            }
        }

        var system = (ExtendedActorSystem)_system;
        var name = $"actorhyper-watch-{Interlocked.Increment(ref s_names)}";
        var storyLength = _options.StoryLength;
        // The hub's own mailbox is plain: observing its records would feed it its own.
        _hub = system.SystemActorOf(Props.Create(() => new WatchHub(this, monitors, failed, storyLength)).WithMailbox(WatchedConfig.PlainMailboxId), name);
        _sink = new WatchEventSink(this, system.Provider, name + "-events");
        if (!_slot.TryAttach(this))
        {
            _system.Stop(_hub);
            throw new InvalidOperationException($"actor system '{_system.Name}' is already watched: dispose that watch first");
        }

        // The notable events are counted whatever the host's event types.
        foreach (var type in _eventTypes.Append(typeof(DeadLetter)).Append(typeof(UnhandledMessage)).Append(typeof(Error)).Distinct())
        {
            _system.EventStream.Subscribe(_sink, type);
        }
    }

    private void Post(HubRecord record)
    {
        // Counted before the enqueue, so the backlog is never below what the hub still has.
        _enqueued.Increment();
        Hand(record);
    }

    /// <summary>Into the hub's inbox, behind everything handed before; wakes the hub if it sleeps.</summary>
    private void Hand(HubRecord record)
    {
        _inbox.Add(record);
        Wake();
    }

    private void Wake()
    {
        // A full fence between linking the record and reading the flag, as Sleep has one between
        // clearing the flag and looking for a record: either the hub sees the record, or this sees it asleep.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _awake) == 0 && Interlocked.CompareExchange(ref _awake, 1, 0) == 0)
        {
            _hub!.Tell(WakeHub.Instance, ActorRefs.NoSender);
        }
    }

    /// <summary>The hub's next record, in the order handed.</summary>
    internal bool TryTake(out HubRecord record) => _inbox.TryTake(out record);

    /// <summary>The hub found the inbox empty: it sleeps, unless a record came meanwhile.</summary>
    internal void Sleep()
    {
        Interlocked.Exchange(ref _awake, 0);
        if (!_inbox.IsEmpty)
        {
            Wake();
        }
    }

    private DeliveryInterest AskDeliveryInterest(Type type)
    {
        lock (_asking)
        {
            if (_deliveryInterest.TryGetValue(type, out var known))
            {
                return known;
            }

            var interest = new DeliveryInterest(_deliveryMonitors.Where(m => m.WantsDelivery(type)).ToArray(), IsTimerWrapper(type));
            _deliveryInterest[type] = interest;
            return interest;
        }
    }

    private RunMonitor[] AskEventInterest(Type type)
    {
        lock (_asking)
        {
            if (_eventInterest.TryGetValue(type, out var known))
            {
                return known;
            }

            var monitors = _eventTypes.Any(t => t.IsAssignableFrom(type)) ? _eventMonitors.Where(m => m.WantsEvent(type)).ToArray() : [];
            _eventInterest[type] = monitors;
            return monitors;
        }
    }

    /// <summary>Akka's actor timers deliver their messages wrapped in its internal <c>TimerScheduler.TimerMsg</c> (or a subclass).</summary>
    private static bool IsTimerWrapper(Type type) =>
        typeof(IWrappedMessage).IsAssignableFrom(type) && type.DeclaringType?.FullName == "Akka.Actor.Scheduler.TimerScheduler";

    private static bool Overrides(RunMonitor monitor, string method) =>
        monitor.GetType().GetMethod(method)?.DeclaringType != typeof(RunMonitor);
}
