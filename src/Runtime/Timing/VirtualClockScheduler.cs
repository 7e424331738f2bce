namespace ActorHyper.Runtime.Timing;

/// <summary>
/// Controlled mode's timers: a queue ordered by due time, then by scheduling order, so timers
/// due together fire in the order they were set. Time moves only when the controlled scheduler
/// has nothing runnable and calls <see cref="AdvanceToNextDue"/>.
/// </summary>
internal sealed class VirtualClockScheduler : TimerScheduler
{
    private readonly PriorityQueue<TimerEntry, (TimeSpan Due, long Order)> _queue = new();
    private long _order;
    private TimeSpan _now;

    public override TimeSpan Now => _now;

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
            _now = limit > _now ? limit : _now;
            return false;
        }

        if (due > _now)
        {
            _now = due;
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

    protected override TimerEntry Arm(TimeSpan delay, TimerEntry entry)
    {
        _queue.Enqueue(entry, (_now + delay, _order++));
        return entry;
    }
}
