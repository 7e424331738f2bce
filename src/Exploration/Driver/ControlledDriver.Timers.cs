using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Pending timers. Under <see cref="TimerOrder.DueOrder"/> every timer already due, and the earliest
/// of those not yet due, is a choice; under <see cref="TimerOrder.AnyOrder"/> every pending timer is.
/// A timer may fire before messages that are pending (virtual time jumps to its due time); one due
/// beyond the model's horizon waits until nothing else can happen. Firing a timer that tells a
/// controlled actor delivers its message in the same step.
/// </summary>
public sealed partial class ControlledDriver
{
    /// <summary>Sorted by due time, then creation order. Akka may set a timer from its own threads: guarded.</summary>
    private readonly List<PendingTimer> _timers = [];

    private readonly Lock _timerGate = new();

    /// <summary>Per receiver path, how many timers it has had this run: a timer's identity in decisions.</summary>
    private readonly Dictionary<string, long> _timerCounts = new(StringComparer.Ordinal);

    private long _nextTimerId;

    /// <summary>Timers fired ahead of their due time this run (bounded under the uniform race by <see cref="ExecutionModel.EarlyTimers"/>).</summary>
    private int _earlyFired;

    /// <summary>Per receiver, by reference (lookups only, never an order): its path and the path's hash. Guarded by the timer gate.</summary>
    private readonly Dictionary<IActorRef, (string Path, ulong Hash)> _timerReceivers = new(ReferenceEqualityComparer.Instance);

    private static readonly ulong ActionReceiverHash = StableHash.Of(PendingTimer.ActionReceiver);

    private bool HasTimers
    {
        get
        {
            lock (_timerGate)
            {
                _timers.RemoveAll(static timer => timer.IsCancelled);
                return _timers.Count > 0;
            }
        }
    }

    /// <summary>From <see cref="VirtualTimeScheduler"/>, on any thread.</summary>
    internal void AddTimer(TimeSpan delay, TimeSpan? interval, ICanTell? receiver, object? message, IActorRef? sender,
        Action? action, ICancelable? cancelable)
    {
        lock (_timerGate)
        {
            var (path, pathHash) = TimerReceiver(receiver);
            _timerCounts.TryGetValue(path, out var count);
            _timerCounts[path] = count + 1;
            var due = _now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
            // Set from inside a step, it happened after what its setter knew; from elsewhere, it is concurrent with everything.
            var clock = IsCausal && t_stepping == this && _current is { } setter ? SendClock(setter) : null;
            Insert(new PendingTimer(_nextTimerId++, path, pathHash, count, due, interval, receiver, message, sender, action, cancelable, Steps) { Clock = clock, CauseStep = t_stepping == this && _current is not null ? _causeStep : -1 });
        }
    }

    /// <summary>A timer receiver's path and its hash, built once per receiver and run: actors set timers over and over.</summary>
    private (string Path, ulong Hash) TimerReceiver(ICanTell? receiver)
    {
        if (receiver is not IActorRef actor)
        {
            return (PendingTimer.ActionReceiver, ActionReceiverHash);
        }

        if (!_timerReceivers.TryGetValue(actor, out var known))
        {
            var path = actor.Path.ToStringWithoutAddress();
            known = (path, StableHash.Of(path));
            _timerReceivers.Add(actor, known);
        }

        return known;
    }

    private void AddTimerChoices(TimeSpan deadline, bool firstOnly)
    {
        lock (_timerGate)
        {
            if (_timers.Count == 0)
            {
                return;
            }

            _timers.RemoveAll(static timer => timer.IsCancelled);
            var model = Model;
            var anyMessage = _choices.Count > 0;
            var mayBeEarly = model.Race == TimerRace.Clocked || _earlyFired < model.EarlyTimers;
            TimeSpan? next = null;
            foreach (var timer in _timers)
            {
                var dueIn = timer.Due - _now;
                // Sorted by due time: once one is out of reach, so is every later one.
                if (dueIn > TimeSpan.Zero)
                {
                    if (timer.Due > deadline || (anyMessage && (!mayBeEarly || (model.Horizon is { } horizon && dueIn > horizon))))
                    {
                        break;
                    }

                    if (model.Timers == Driver.TimerOrder.DueOrder)
                    {
                        next ??= timer.Due;
                        if (timer.Due != next)
                        {
                            break;
                        }
                    }
                }

                if (timer.Clock is { } clock && IsCausal && TimerOvertakes(timer, clock))
                {
                    continue;
                }

                timer.Offer(dueIn, model.Race, model.StepTime);
                _choices.Add(timer);
                if (firstOnly)
                {
                    return;
                }
            }
        }
    }

    /// <param name="raced">Other choices were ready: a timer not yet due that fires now fires early (not merely because the system idles).</param>
    private void Fire(PendingTimer timer, bool raced)
    {
        var due = timer.Due;
        lock (_timerGate)
        {
            _timers.Remove(timer);
            if (timer.Interval is { } interval)
            {
                // A zero interval would fire forever at one instant: the next firing is one tick on.
                timer.Due = due + (interval > TimeSpan.Zero ? interval : TimeSpan.FromTicks(1));
                Insert(timer);
            }
        }

        if (due > _now)
        {
            _now = due;
            if (raced)
            {
                _earlyFired++;
            }
        }

        if (!IsBetweenRuns)
        {
            _traceHash = StableHash.Add(StableHash.Add(_traceHash, timer.ReceiverHash), (ulong)timer.Sequence);
        }
        if (timer.Action is { } action)
        {
            action();
        }
        else if (timer.Target is ActorRefWithCell { Underlying: ActorCell cell } && cell.Dispatcher is ControlledDispatcher dispatcher
                 && dispatcher.Driver == this)
        {
            var envelope = new Envelope(timer.Message!, timer.SenderRef ?? ActorRefs.NoSender);
            Deliver(cell, envelope, timer.Receiver, Choice.TimerSender, isTimer: true, DigestOf(envelope), timer.Clock, timer.CauseStep);
        }
        else
        {
            timer.Target!.Tell(timer.Message!, timer.SenderRef ?? ActorRefs.NoSender);
        }
    }

    private void Insert(PendingTimer timer)
    {
        var index = _timers.BinarySearch(timer, TimerOrder.Instance);
        _timers.Insert(index < 0 ? ~index : index, timer);
    }

    private void ClearTimers()
    {
        lock (_timerGate)
        {
            _timers.Clear();
            _timerCounts.Clear();
            _timerReceivers.Clear();
            _nextTimerId = 0;
            _earlyFired = 0;
        }
    }

    private sealed class TimerOrder : IComparer<PendingTimer>
    {
        public static readonly TimerOrder Instance = new();

        public int Compare(PendingTimer? x, PendingTimer? y)
        {
            var byDue = x!.Due.CompareTo(y!.Due);
            return byDue != 0 ? byDue : x.Id.CompareTo(y.Id);
        }
    }
}
