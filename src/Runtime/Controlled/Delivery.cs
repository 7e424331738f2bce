namespace ActorHyper.Runtime.Controlled;

/// <summary>One message about to be handled, as monitors see it.</summary>
public readonly record struct Delivery(
    long Step,
    TimeSpan Time,
    IActorRef Receiver,
    object Message,
    IActorRef? Sender,
    bool IsSystemMessage);

/// <summary>Observes every delivery of a controlled run; throws <see cref="MonitorViolationException"/> to fail the run.</summary>
public interface IDeliveryMonitor
{
    string Name { get; }

    void Observe(in Delivery delivery);
}

/// <summary>Thrown by a monitor: the run stops at once and records the violation.</summary>
public sealed class MonitorViolationException(string reason) : Exception(reason);

/// <summary>Why a controlled run stopped.</summary>
public sealed record RunFailure(string Source, string Reason, long Step, TimeSpan Time)
{
    public override string ToString() => $"{Source} at step {Step} ({Time.TotalMilliseconds:0.###} ms virtual): {Reason}";
}

/// <summary>How a controlled run (or one step of it) ended.</summary>
public enum RunOutcome
{
    /// <summary>One message was delivered (from <see cref="ControlledScheduler.Step"/>).</summary>
    Delivered,

    /// <summary>The condition given to <see cref="ControlledScheduler.RunUntil"/> became true.</summary>
    ConditionMet,

    /// <summary>Nothing is runnable and no timer is pending.</summary>
    Quiescent,

    /// <summary>The virtual-time deadline passed with nothing runnable before it.</summary>
    DeadlineReached,

    /// <summary>The configured step limit was reached.</summary>
    StepLimitReached,

    /// <summary>A monitor reported a violation, or a replay diverged; see <see cref="ControlledScheduler.Failure"/>.</summary>
    Failed,
}
