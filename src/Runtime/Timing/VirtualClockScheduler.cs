namespace ActorHyper.Runtime.Timing;

/// <summary>
/// Controlled mode's timers: a queue ordered by due time, then by scheduling order, so timers
/// due together fire in the order they were set. Time moves only when the controlled scheduler
/// has nothing runnable and calls <see cref="AdvanceToNextDue"/>.
/// </summary>
internal sealed class VirtualClockScheduler : IScheduler
{
    private readonly PriorityQueue<TimerEntry, (TimeSpan Due, long Order)> _queue = new();
    private long _order;

    public TimeSpan Now { get; private set; }

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(Now + TimerEntry.CheckDelay(delay, nameof(delay)), new TimerEntry(receiver, message, sender, null, null));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver,
        object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(Now + TimerEntry.CheckDelay(initialDelay, nameof(initialDelay)),
            new TimerEntry(receiver, message, sender, null, interval));
    }

    public ICancelable ScheduleCallback(TimeSpan delay, Action callback) =>
        Enqueue(Now + TimerEntry.CheckDelay(delay, nameof(delay)), new TimerEntry(null, null, null, callback, null));

    /// <summary>The earliest due time of a timer not cancelled, if any.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            while (_queue.TryPeek(out var entry, out var key))
            {
                if (!entry.IsCancellationRequested)
                {
                    return key.Due;
                }

                _queue.Dequeue();
            }

            return null;
        }
    }

    /// <summary>Moves time to the next due timer (never past <paramref name="limit"/>) and fires every timer due then.</summary>
    /// <returns>
    /// False when no timer is due by <paramref name="limit"/>. If one is due later, time moves to
    /// the limit (the wait passed with nothing to do); if none is pending, there is no future and
    /// time stays where it is.
    /// </returns>
    public bool AdvanceToNextDue(TimeSpan limit)
    {
        if (NextDue is not { } due)
        {
            return false;
        }

        if (due > limit)
        {
            Now = limit > Now ? limit : Now;
            return false;
        }

        if (due > Now)
        {
            Now = due;
        }

        while (_queue.TryPeek(out var entry, out var key) && key.Due <= Now)
        {
            _queue.Dequeue();
            entry.Fire();
            if (entry.Interval is { } interval && !entry.IsCancellationRequested)
            {
                _queue.Enqueue(entry, (key.Due + interval, _order++));
            }
        }

        return true;
    }

    private TimerEntry Enqueue(TimeSpan due, TimerEntry entry)
    {
        _queue.Enqueue(entry, (due, _order++));
        return entry;
    }
}
