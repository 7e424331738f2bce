namespace ActorHyper.Runtime.Timing;

/// <summary>
/// The scheduling calls both clocks share: each builds a <see cref="TimerEntry"/> and hands it to
/// <see cref="Arm"/>, the only thing that differs between wall time and virtual time.
/// </summary>
internal abstract class TimerScheduler : IScheduler
{
    public abstract TimeSpan Now { get; }

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Arm(CheckDelay(delay, nameof(delay)), new TimerEntry(receiver, message, sender, null, null));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver,
        object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Arm(CheckDelay(initialDelay, nameof(initialDelay)), new TimerEntry(receiver, message, sender, null, interval));
    }

    /// <summary>Runtime-internal timers (Ask timeouts) run an action instead of telling.</summary>
    public ICancelable ScheduleCallback(TimeSpan delay, Action callback) =>
        Arm(CheckDelay(delay, nameof(delay)), new TimerEntry(null, null, null, callback, null));

    /// <summary>Makes <paramref name="entry"/> fire after <paramref name="delay"/>, and again every interval if it repeats.</summary>
    protected abstract TimerEntry Arm(TimeSpan delay, TimerEntry entry);

    private static TimeSpan CheckDelay(TimeSpan delay, string name) =>
        delay >= TimeSpan.Zero
            ? delay
            : throw new ArgumentOutOfRangeException(name, delay, "a timer's delay must not be negative");
}
