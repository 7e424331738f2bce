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

    /// <summary>
    /// True for a timer not yet due under the clocked race (<see cref="TimerRace.Clocked"/>): it fires
    /// ahead of what is ready only by a strategy's draw (<see cref="EarlyChance"/>), or when nothing else
    /// can happen. Under the uniform race a timer not yet due is a choice like any message, and this is
    /// false. Strategies read it for every choice of every step, so it is not virtual.
    /// </summary>
    public bool IsFutureTimer { get; private protected set; }

    /// <summary>For a timer not yet due under the clocked race, the chance it fires ahead at this step: step time / time until due.</summary>
    public double EarlyChance { get; private protected set; }

    /// <summary>
    /// The sender→receiver channel the choice belongs to, by paths (a receiver's timers are one
    /// channel): what PCT gives priorities to, so that one receiver's messages can be reordered.
    /// </summary>
    public abstract string ChannelName { get; }

    /// <summary>
    /// A strategy's memo of its rank for this choice's channel (the strategy and its version of the
    /// ranks, then the rank): a choice is listed at step after step, and looking its channel's name up
    /// each time would hash the same paths over and over.
    /// </summary>
    internal (object? Owner, int Version, double Rank) RankMemo;

    public Decision Identity => new(IsTimer ? DecisionKind.Timer : DecisionKind.Message, Receiver, Sender, Sequence);

    public override string ToString() => $"{Identity} ({MessageType.Name})";
}
