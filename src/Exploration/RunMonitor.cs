using Akka.Actor;

namespace ActorHyper.Exploration;

/// <summary>One delivery of a controlled run, as monitors see it, before the receiver's handler runs.</summary>
public sealed record Delivery(long Step, TimeSpan Now, string Receiver, string Sender, object Message, IActorRef ReceiverRef, bool IsTimer);

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

    protected static void Fail(string reason) => throw new MonitorViolationException(reason);
}

/// <summary>Thrown by a monitor to fail the run.</summary>
public sealed class MonitorViolationException : Exception
{
    public MonitorViolationException(string message)
        : base(message)
    {
    }

    public MonitorViolationException()
    {
    }

    public MonitorViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Why a controlled run stopped early: the monitor (or the driver), the reason, the step and virtual time.</summary>
public sealed record RunFailure(string Monitor, string Reason, long Step, TimeSpan At)
{
    public override string ToString() => $"{Monitor} at step {Step} (@{At.TotalMilliseconds:0.###} ms): {Reason}";
}

/// <summary>How a call that runs a controlled system ended.</summary>
public enum RunOutcome
{
    /// <summary>One step was made (from <see cref="ControlledDriver.Step"/>).</summary>
    Delivered,

    /// <summary>The condition held.</summary>
    ConditionMet,

    /// <summary>Nothing was left to deliver and no timer was pending.</summary>
    Quiescent,

    /// <summary>Only timers due after the deadline were left; virtual time stands at the deadline.</summary>
    DeadlineReached,

    /// <summary>The run made as many steps as its limit allows.</summary>
    StepLimitReached,

    /// <summary>A monitor failed the run (see <see cref="ControlledDriver.Failure"/>).</summary>
    Failed,

    /// <summary>A state-aware strategy ended the run: what would follow was explored before (see <see cref="IStateAwareStrategy"/>).</summary>
    Pruned,
}
