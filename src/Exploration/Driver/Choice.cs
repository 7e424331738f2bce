using ActorHyper.Exploration.Trace;

namespace ActorHyper.Exploration.Driver;

/// <summary>One of the things a step may do: deliver the head of a channel, or fire a timer.</summary>
public abstract class Choice
{
    /// <summary>The sender named for messages from outside the controlled actors (a host, a probe, a guardian).</summary>
    public const string Outside = "outside";

    /// <summary>The sender named for a timer.</summary>
    public const string TimerSender = "timer";

    /// <summary>The sender named for messages an actor unstashed: it is handed each a second time.</summary>
    public const string Unstashed = "unstashed";

    private protected Choice()
    {
    }

    /// <summary>The receiver's path (for a timer that runs an action, <c>(action)</c>).</summary>
    public abstract string Receiver { get; }

    /// <summary>The sending actor's path, <see cref="Outside"/> or <see cref="TimerSender"/>.</summary>
    public abstract string Sender { get; }

    /// <summary>The type of the message this choice delivers (of the action, for an action timer).</summary>
    public abstract Type MessageType { get; }

    /// <summary>The step during which the message was sent or the timer was set.</summary>
    public abstract long SentAtStep { get; }

    public abstract bool IsTimer { get; }

    /// <summary>The message's number in its channel, or the timer's among its receiver's timers.</summary>
    public abstract long Sequence { get; }

    /// <summary>For a timer, how long until it is due when the step is chosen (zero or less: overdue); null for a message.</summary>
    public TimeSpan? DueIn => IsTimer ? DueInTicks : null;

    /// <summary>Set by the driver for a timer as it lists the step's choices; a field, read at every choice of every step.</summary>
    private protected TimeSpan DueInTicks { get; set; }

    /// <summary>True for a timer not yet due: strategies read it for every choice of every step, so it is not virtual.</summary>
    public bool IsFutureTimer { get; private protected set; }

    public Decision Identity => new(IsTimer ? DecisionKind.Timer : DecisionKind.Message, Receiver, Sender, Sequence);

    public override string ToString() => $"{Identity} ({MessageType.Name})";
}
