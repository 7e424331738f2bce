using Akka.Actor;
using Akka.Dispatch.MessageQueues;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// A mailbox's user-message queue that reports each message as Akka's mailbox run takes it
/// (<c>Mailbox.ProcessMailbox</c> dequeues, then invokes the actor at once), on the thread that is
/// about to run the handler: the moment of delivery, seen without a lock. Messages moved to dead
/// letters by <see cref="CleanUp"/> were never delivered and are not reported.
/// </summary>
public abstract class ObservedQueue : IMessageQueue
{
    private readonly LinkedEnvelopeQueue _queue = new();
    private readonly WatchSlot _slot;

    private protected ObservedQueue(IActorRef? owner, WatchSlot slot)
    {
        Owner = owner;
        _slot = slot;
    }

    /// <summary>The actor whose mailbox this is (Akka may leave it out).</summary>
    internal IActorRef? Owner { get; }

    /// <summary>The owner's path as text, made once by the hub (its only reader and writer), never on the machine's threads.</summary>
    internal string? ReceiverPath { get; set; }

    public virtual bool HasMessages => _queue.HasMessages;

    public virtual int Count => _queue.Count;

    public void Enqueue(IActorRef receiver, Envelope envelope) => _queue.Enqueue(envelope);

    public bool TryDequeue(out Envelope envelope)
    {
        if (!TryTake(out envelope))
        {
            return false;
        }

        // Unwatched, this is the whole cost: one volatile read.
        var watch = _slot.Watch;
        watch?.OnDequeued(this, envelope);
        return true;
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        ArgumentNullException.ThrowIfNull(deadletters);
        while (TryTake(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }

    /// <summary>The next message, unreported.</summary>
    private protected virtual bool TryTake(out Envelope envelope) => _queue.TryDequeue(out envelope);

    private protected bool TryTakeQueued(out Envelope envelope) => _queue.TryDequeue(out envelope);
}
