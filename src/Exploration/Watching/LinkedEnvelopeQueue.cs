using Akka.Actor;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// An observed mailbox's messages: many producers (whoever tells the actor), one consumer (the
/// actor's mailbox run), as a linked list after Vyukov's. A producer swaps its node in as the newest
/// and then links its predecessor to it; the consumer follows the links from the oldest. Memory is
/// what is queued now: a segmented queue (Akka's <c>ConcurrentQueue</c>) keeps the capacity of its
/// largest backlog for good, which the soak's heap check saw as a leak on the 1,024-core machine.
/// </summary>
internal sealed class LinkedEnvelopeQueue
{
    /// <summary>The newest node (or the stub); swapped by producers.</summary>
    private Node _newest;

    /// <summary>The last node taken (or the stub); its <see cref="Node.Next"/> is the oldest message. The consumer's alone.</summary>
    private Node _taken;

    public LinkedEnvelopeQueue()
    {
        var stub = new Node(default);
        _newest = stub;
        _taken = stub;
    }

    /// <summary>
    /// True from the moment a producer has swapped its node in, even before it is linked: the mailbox
    /// asks this to decide whether to run again, and must not go idle on a message it cannot take yet.
    /// </summary>
    public bool HasMessages => !ReferenceEquals(Volatile.Read(ref _newest), Volatile.Read(ref _taken));

    /// <summary>Walks the queue: for audits and diagnostics, not for the mailbox run.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var node = Volatile.Read(ref Volatile.Read(ref _taken).Next); node is not null; node = Volatile.Read(ref node.Next))
            {
                count++;
            }
            return count;
        }
    }

    public void Enqueue(Envelope envelope)
    {
        var node = new Node(envelope);
        var previous = Interlocked.Exchange(ref _newest, node);
        Volatile.Write(ref previous.Next, node);
    }

    /// <summary>The oldest linked message; false when none is linked yet (its producer registers the mailbox for a run after linking it).</summary>
    public bool TryDequeue(out Envelope envelope)
    {
        var next = Volatile.Read(ref _taken.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        envelope = next.Envelope;
        // The taken node stays as the list's head: it must not keep the message alive.
        next.Envelope = default;
        Volatile.Write(ref _taken, next);
        return true;
    }

    private sealed class Node(Envelope envelope)
    {
        public Envelope Envelope = envelope;
        public Node? Next;
    }
}
