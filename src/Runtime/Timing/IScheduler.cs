namespace ActorHyper.Runtime;

/// <summary>A scheduled tell that can be cancelled.</summary>
public interface ICancelable
{
    bool IsCancellationRequested { get; }

    void Cancel();
}

/// <summary>
/// Timers in the system's time: real time when concurrent; virtual time when controlled, where a
/// timer fires only once nothing else can run, so a 10-second timer costs no wall time.
/// </summary>
public interface IScheduler
{
    /// <summary>Time elapsed since the actor system started (virtual when controlled).</summary>
    TimeSpan Now { get; }

    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender = null);

    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message,
        IActorRef? sender = null);
}
