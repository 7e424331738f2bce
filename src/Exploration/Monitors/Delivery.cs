using Akka.Actor;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// One delivery of a controlled run, as monitors see it, before the receiver's handler runs. An
/// unstashed message (<see cref="IsUnstashed"/>: the receiver had kept it aside and delivered it
/// again) keeps its original <see cref="Sender"/>: whose held-back request a race delayed is the story.
/// </summary>
public sealed record Delivery(long Step, TimeSpan Now, string Receiver, string Sender, object Message, IActorRef ReceiverRef, bool IsTimer)
{
    /// <summary>The receiver stashed this message before and now takes it again (its second delivery, or later).</summary>
    public bool IsUnstashed { get; init; }

    /// <summary>The receiver had stopped: this delivery is the dead letter it became (no handler runs).</summary>
    public bool IsDeadLetter { get; init; }

    /// <summary>
    /// The step whose delivery the message follows from: whose handler sent it (set it, for a timer;
    /// unstashed it, for an unstashed message), or made the actor that sent it as it started; −1 for a
    /// message from outside the actors, or where no step is known (real threads).
    /// </summary>
    public long CauseStep { get; init; } = -1;
}
