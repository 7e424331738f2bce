using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// A delivery some monitor wants, on its way to the hub: references only, so the machine's thread
/// does no formatting. Lost at the hub's stop, it is a suppressed dead letter, not the machine's.
/// </summary>
internal sealed class ObservedDelivery(ObservedQueue queue, IActorRef? sender, object message, DeliveryInterest interest, bool scheduled, long timestamp) : HubRecord, IDeadLetterSuppression
{
    public ObservedQueue Queue { get; } = queue;

    public IActorRef? Sender { get; } = sender;

    public object Message { get; } = message;

    public DeliveryInterest Interest { get; } = interest;

    /// <summary>Sent by the scheduler (an actor timer, or a scheduled tell): a timer's delivery, as in a controlled run.</summary>
    public bool IsTimer => scheduled || Interest.IsTimer;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> ticks when the message was taken.</summary>
    public long Timestamp { get; } = timestamp;
}
