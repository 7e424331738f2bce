using System.Diagnostics;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// The messages one sender has sent one receiver and the driver still holds, in sending order: the
/// only order Akka.NET (and the chip) guarantees. Its head is a choice while it is not empty.
/// </summary>
internal sealed class Channel : Choice
{
    private readonly Queue<Held> _held = new();
    private long _nextSequence;

    public Channel(ActorCell receiver, string receiverPath, string senderPath, bool isUnstash, ActorCell? sender = null)
    {
        Cell = receiver;
        SenderCell = sender;
        Receiver = receiverPath;
        Sender = senderPath;
        IsUnstash = isUnstash;
        IdentityHash = StableHash.Add(StableHash.Add(StableHash.Of(receiverPath), StableHash.Of(senderPath)), isUnstash ? 1UL : 0UL);
        ChannelName = senderPath + "→" + receiverPath;
    }

    public override string ChannelName { get; }

    /// <summary>The head's clock under causal delivery (null: concurrent with everything, or channel delivery).</summary>
    public VectorClock? HeadClock => Head.Clock;

    public ActorCell Cell { get; }

    /// <summary>The sending actor; null for the outside and for unstashed messages.</summary>
    public ActorCell? SenderCell { get; }

    /// <summary>Messages an actor unstashed: Akka puts them at the front of its mailbox, so they go before any other channel of the receiver.</summary>
    public bool IsUnstash { get; }

    /// <summary>Where the channel is in the driver's list of non-empty channels; -1 when empty.</summary>
    public int ReadyIndex { get; set; } = -1;

    /// <summary>A stable digest of (receiver, sender), computed once.</summary>
    public ulong IdentityHash { get; }

    public override string Receiver { get; }

    public override string Sender { get; }

    public override Type MessageType => Head.Envelope.Message.GetType();

    public override long SentAtStep => Head.SentAtStep;

    public override bool IsTimer => false;

    public override long Sequence => Head.Sequence;

    public int Count => _held.Count;

    /// <summary>True once it has held a message since it was last cleared (its numbering has started).</summary>
    public bool IsUsed => _nextSequence > 0;

    private Held Head => _held.Peek();

    /// <summary>Holds <paramref name="envelope"/>, with its message's digest (taken as it is sent, see <see cref="Held"/>).</summary>
    public void Add(Akka.Actor.Envelope envelope, long step, ulong digest, VectorClock? clock = null, long cause = -1)
    {
        ContentDigest = null;
        _held.Enqueue(new Held(envelope, step, _nextSequence++, digest, clock, cause));
    }

    /// <summary>Puts messages the actor unstashed ahead of those this channel already holds.</summary>
    public void AddFirst(IReadOnlyList<(Akka.Actor.Envelope Envelope, ulong Digest)> envelopes, long step, long cause = -1)
    {
        Debug.Assert(IsUnstash, "only the unstash channel takes messages at its front");
        ContentDigest = null;
        var rest = _held.ToArray();
        _held.Clear();
        foreach (var (envelope, digest) in envelopes)
        {
            _held.Enqueue(new Held(envelope, step, _nextSequence++, digest, CauseStep: cause));
        }

        foreach (var held in rest)
        {
            _held.Enqueue(held);
        }
    }

    public Held Take()
    {
        ContentDigest = null;
        return _held.Dequeue();
    }

    /// <summary>The digest of what it holds, kept by the driver's state digests; null when it changed since.</summary>
    public ulong? ContentDigest { get; set; }

    /// <summary>The held messages, head first.</summary>
    public IEnumerable<Akka.Actor.Envelope> HeldEnvelopes => _held.Select(static held => held.Envelope);

    /// <summary>Forgets what it holds and restarts its numbering: part of a power cycle.</summary>
    public void Clear()
    {
        ContentDigest = null;
        _held.Clear();
        _nextSequence = 0;
    }

    /// <summary>
    /// A held message. Its <see cref="Digest"/> (the trace hash folds it in at delivery) is taken when
    /// it is held: the message was just built and is still in the cache, where at its delivery, many
    /// steps later, reading it again cost several times as much. Messages are values, so it is the
    /// digest the delivery would take. <see cref="CauseStep"/> is the delivery whose handler sent it (<see cref="Monitors.Delivery.CauseStep"/>).
    /// </summary>
    internal readonly record struct Held(Akka.Actor.Envelope Envelope, long SentAtStep, long Sequence, ulong Digest, VectorClock? Clock = null, long CauseStep = -1);
}
