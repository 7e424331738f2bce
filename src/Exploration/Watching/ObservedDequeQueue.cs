using Akka.Actor;
using Akka.Dispatch;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// The observed counterpart of Akka's <c>UnboundedDequeMessageQueue</c>, for actors that stash:
/// unstashed messages are pushed in front (<see cref="EnqueueFirst"/>) and reported again when
/// taken, since the handler sees them again.
/// </summary>
public sealed class ObservedDequeQueue : ObservedQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    // Only the owning actor pushes (while it runs) and takes (in its mailbox run), so as in Akka's
    // own deque no lock: the mailbox's status handshake orders one run after the previous.
    private readonly Stack<Envelope> _prepended = new();

    internal ObservedDequeQueue(IActorRef? owner, WatchSlot slot)
        : base(owner, slot)
    {
    }

    public override bool HasMessages => _prepended.Count > 0 || base.HasMessages;

    public override int Count => _prepended.Count + base.Count;

    public void EnqueueFirst(Envelope envelope) => _prepended.Push(envelope);

    private protected override bool TryTake(out Envelope envelope)
    {
        if (_prepended.TryPop(out envelope))
        {
            // An unstash of a large stash leaves a large array behind: give it back once it is drained.
            if (_prepended.Count == 0 && _prepended.Capacity > TrimAbove)
            {
                _prepended.TrimExcess();
            }
            return true;
        }
        return TryTakeQueued(out envelope);
    }

    /// <summary>A stack of unstashed messages larger than this is trimmed once drained.</summary>
    private const int TrimAbove = 64;
}
