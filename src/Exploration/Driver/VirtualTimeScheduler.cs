using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Event;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Akka's scheduler in virtual time, named in HOCON as <c>akka.scheduler.implementation</c>. It has
/// no thread and reads no clock: every timer is handed to the system's <see cref="ControlledDriver"/>,
/// where a pending timer is one of the choices of a step and firing it moves virtual time to its due
/// time. Akka creates the scheduler before the dispatchers, so it owns the driver they share.
/// </summary>
public sealed class VirtualTimeScheduler : SchedulerBase, IDateTimeOffsetNowTimeProvider
{
    /// <summary>Virtual time 0, as a date: only <see cref="IScheduler.Now"/> shows it.</summary>
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public VirtualTimeScheduler(Config config, ILoggingAdapter log)
        : base(config, log)
    {
        ArgumentNullException.ThrowIfNull(config);
        Driver = new ControlledDriver(ControlledConfig.SeedOf(config), ControlledConfig.StepLimitOf(config)) { Model = ControlledConfig.ModelOf(config) };
    }

    public ControlledDriver Driver { get; }

    public override TimeSpan MonotonicClock => Driver.Now;

    public override TimeSpan HighResMonotonicClock => Driver.Now;

    protected override DateTimeOffset TimeNow => Epoch + Driver.Now;

    protected override void InternalScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Driver.AddTimer(delay, null, receiver, message, sender, null, cancelable);

    protected override void InternalScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable) =>
        Driver.AddTimer(initialDelay, interval, receiver, message, sender, null, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable) =>
        Driver.AddTimer(delay, null, null, null, null, action, cancelable);

    protected override void InternalScheduleOnce(TimeSpan delay, IRunnable action, ICancelable cancelable) =>
        Driver.AddTimer(delay, null, null, null, null, action.Run, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable) =>
        Driver.AddTimer(initialDelay, interval, null, null, null, action, cancelable);

    protected override void InternalScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, IRunnable action, ICancelable cancelable) =>
        Driver.AddTimer(initialDelay, interval, null, null, null, action.Run, cancelable);
}
