namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// Watches a controlled run: sees every delivery before its handler runs and every event published
/// on the event stream, and fails the run with a reason (<see cref="Fail"/>). The run then stops
/// after that step, naming the monitor, the reason and the step. A monitor sees one run at a time,
/// on the driver's thread; <see cref="OnRunStart"/> tells it a new run begins (a power cycle).
/// </summary>
public abstract class RunMonitor
{
    public virtual string Name => GetType().Name;

    public virtual void OnRunStart()
    {
    }

    public virtual void OnDelivery(Delivery delivery)
    {
    }

    public virtual void OnEvent(object published)
    {
    }

    /// <summary>
    /// Whether <see cref="OnDelivery"/> wants deliveries of messages of <paramref name="messageType"/>
    /// (as delivered: an actor timer's message in its wrapper). Asked once per type, so the answer
    /// must depend on the type alone; by default every delivery. A monitor that reads a few message
    /// types says so, and the driver spares it the others (and, when no monitor wants one, the
    /// <see cref="Delivery"/> itself).
    /// </summary>
    public virtual bool WantsDelivery(Type messageType) => true;

    /// <summary>Whether <see cref="OnEvent"/> wants published events of <paramref name="eventType"/>; as <see cref="WantsDelivery"/>, once per type.</summary>
    public virtual bool WantsEvent(Type eventType) => true;

    /// <summary>Called once the run is over (quiescent or at its deadline): where liveness is judged.</summary>
    public virtual void OnRunEnd(RunOutcome outcome)
    {
    }

    /// <summary>
    /// Liveness with temperature, as Coyote's and P's hot and cold monitor states: true while
    /// something is owed (a request not yet answered, a boot not yet up). Asked after every step; a
    /// run that keeps a monitor hot for longer than the driver's limits
    /// (<see cref="Driver.ControlledDriver.HotStepLimit"/>, <see cref="Driver.ControlledDriver.HotTimeLimit"/>)
    /// fails, whether or not it would ever go quiet: a livelock, a retry loop that never succeeds.
    /// </summary>
    public virtual bool IsHot => false;

    /// <summary>What is owed while <see cref="IsHot"/>: the violation names it.</summary>
    public virtual string HotReason => "something owed was never given";

    protected static void Fail(string reason) => throw new MonitorViolationException(reason);
}
