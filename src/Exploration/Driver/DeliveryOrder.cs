namespace ActorHyper.Exploration.Driver;

/// <summary>Which orders of the held messages a step may choose from.</summary>
public enum DeliveryOrder
{
    /// <summary>
    /// Local Akka.NET: a <c>Tell</c> enqueues at once, so a message may be delivered only when no
    /// undelivered message to the same receiver happened before it (by vector clocks over sends and
    /// deliveries). Two senders that raced still reach the receiver in either order.
    /// </summary>
    Causal,

    /// <summary>
    /// Per sender→receiver channel FIFO only: what the chip's network and Akka remoting guarantee. A
    /// message may overtake one sent earlier by another sender even when that send happened before it.
    /// </summary>
    Channel,
}
