using System.Runtime.CompilerServices;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// The one actor that calls a watch's monitors, one record at a time, in its mailbox's order. Every
/// record was enqueued by a local <c>Tell</c> (which enqueues at once) on the thread where it
/// happened: a delivery just before its handler runs, an event inside the handler that published it.
/// So a handler's cause is enqueued before the handler's sends and events, a message's delivery
/// after its send (after the delivery whose handler sent it), and one actor's deliveries in its own
/// order: the mailbox's order is consistent with causality without a lock. Unrelated deliveries on
/// different threads come in whichever order their enqueues raced.
/// </summary>
internal sealed class WatchHub : UntypedActor
{
    /// <summary>The hub processing on this thread now: a host's wait called from a monitor would wait on itself.</summary>
    [ThreadStatic]
    private static WatchHub? t_processing;

    private readonly RealThreadWatch _watch;
    private readonly RunMonitor[] _monitors;
    private readonly HashSet<RunMonitor> _failed;
    private readonly StoryRing _story;
    /// <summary>
    /// Sender paths already written out. Weak: a soak creates and stops guest actors by the
    /// hundred thousand, and a strong key would keep each stopped actor's cell alive.
    /// </summary>
    private readonly ConditionalWeakTable<IActorRef, string> _senderPaths = [];
    private long _sequence;

    public WatchHub(RealThreadWatch watch, RunMonitor[] monitors, HashSet<RunMonitor> failed, int storyLength)
    {
        _watch = watch;
        _monitors = monitors;
        _failed = failed;
        _story = new StoryRing(storyLength);
    }

    internal RealThreadWatch Watch => _watch;

    /// <summary>The hub running on this thread, if any.</summary>
    internal static WatchHub? Current => t_processing;

    /// <summary>Records taken per wake-up before the hub yields its thread to others (it wakes itself again).</summary>
    private const int Batch = 4096;

    protected override void OnReceive(object message)
    {
        if (message is not WakeHub)
        {
            Unhandled(message);
            return;
        }

        var taken = 0;
        while (taken < Batch && _watch.TryTake(out var record))
        {
            Handle(record);
            taken++;
        }

        if (taken == Batch)
        {
            // Still awake: the inbox may hold more; another turn, after whatever else waits for this thread.
            Self.Tell(WakeHub.Instance);
        }
        else
        {
            _watch.Sleep();
        }
    }

    private void Handle(object message)
    {
        t_processing = this;
        try
        {
            switch (message)
            {
                case ObservedDelivery delivery:
                    Observe(delivery);
                    _watch.NoteProcessed();
                    break;
                case ObservedEvent published:
                    Observe(published);
                    _watch.NoteProcessed();
                    break;
                case DrainMarker marker:
                    marker.Reached.TrySetResult();
                    break;
                case JudgeRequest request:
                    RunJudge(request.Check);
                    request.Done.TrySetResult();
                    break;
            }
        }
        finally
        {
            t_processing = null;
        }
    }

    private void Observe(ObservedDelivery observed)
    {
        if (_watch.IsDisposed)
        {
            return;
        }

        var at = _watch.ElapsedAt(observed.Timestamp);
        var queue = observed.Queue;
        var owner = queue.Owner ?? ActorRefs.Nobody;
        var receiver = queue.ReceiverPath ??= owner.Path.ToStringWithoutAddress();
        var sender = observed.IsTimer ? Choice.TimerSender : PathOf(observed.Sender);
        var step = ++_sequence;
        _story.Add(new StoryEntry(step, at, IsEvent: false, receiver, sender, observed.Message));
        var delivery = new Delivery(step, at, receiver, sender, observed.Message, owner, observed.IsTimer);
        foreach (var monitor in observed.Interest.Monitors)
        {
            Consult(monitor, at, m => m.OnDelivery(delivery));
        }
    }

    private void Observe(ObservedEvent observed)
    {
        if (_watch.IsDisposed)
        {
            return;
        }

        var at = _watch.ElapsedAt(observed.Timestamp);
        var published = observed.Published;
        NoteNotable(published, at);
        if (observed.Monitors.Length == 0)
        {
            return;
        }

        var step = ++_sequence;
        _story.Add(new StoryEntry(step, at, IsEvent: true, "", SourceOf(published), published));
        foreach (var monitor in observed.Monitors)
        {
            Consult(monitor, at, m => m.OnEvent(published));
        }
    }

    /// <summary>Dead letters (classified by the host), unhandled messages and crashes, kept as text for the host to show, numbered by the story item they came after.</summary>
    private void NoteNotable(object published, TimeSpan at)
    {
        switch (published)
        {
            case DeadLetter dead:
                var item = new WatchedItem(_sequence, at, IsEvent: true, PathOf(dead.Recipient), PathOf(dead.Sender), WatchedItem.TextOf(dead.Message));
                _watch.ClassifyDeadLetter(dead, item);
                break;
            case UnhandledMessage unhandled:
                _watch.NoteUnhandled(new WatchedItem(_sequence, at, IsEvent: true, PathOf(unhandled.Recipient), PathOf(unhandled.Sender), WatchedItem.TextOf(unhandled.Message)));
                break;
            case Error { Cause: not null } error:
                _watch.NoteCrash(new WatchedItem(_sequence, at, IsEvent: true, error.LogSource ?? "", error.LogClass?.Name ?? "", WatchedItem.TextOf(error)));
                break;
        }
    }

    /// <summary>Runs a host's check on every monitor still standing (on this thread: monitors are not thread-safe).</summary>
    internal void RunJudge(Action<RunMonitor> check)
    {
        var at = _watch.Elapsed;
        foreach (var monitor in _monitors)
        {
            Consult(monitor, at, check);
        }
    }

    /// <summary>Shows a monitor what happened; a monitor that fails (or throws anything) is a violation, and is not asked again.</summary>
    private void Consult(RunMonitor monitor, TimeSpan at, Action<RunMonitor> look)
    {
        if (_failed.Count > 0 && _failed.Contains(monitor))
        {
            return;
        }

        string reason;
        try
        {
            look(monitor);
            return;
        }
        catch (MonitorViolationException e)
        {
            reason = e.Message;
        }
        catch (Exception e)
        {
            // A monitor's bug is reported like a violation, never a crash of the hub (a restart would lose its state).
            reason = RealThreadWatch.ReasonOf(e);
        }

        _failed.Add(monitor);
        _watch.Report(new WatchedViolation(monitor.Name, reason, at, _story.Snapshot()));
    }

    private static string SourceOf(object published) => published is LogEvent log ? log.LogSource ?? "" : published.GetType().Name;

    private string PathOf(IActorRef? actor)
    {
        if (actor is null || actor.IsNobody())
        {
            return Choice.Outside;
        }

        return _senderPaths.GetValue(actor, static a => a.Path.ToStringWithoutAddress());
    }
}
