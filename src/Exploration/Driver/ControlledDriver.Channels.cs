using System.Diagnostics;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;
using Akka.Dispatch;

namespace ActorHyper.Exploration.Driver;

/// <summary>The held messages: one channel per sender→receiver pair, and the list of those that are not empty.</summary>
public sealed partial class ControlledDriver
{
    /// <summary>Stands for every sender outside the controlled actors: they share one channel per receiver.</summary>
    private static readonly object OutsideKey = new();

    private readonly Dictionary<ChannelKey, Channel> _channels = new();

    /// <summary>Channels (sender→receiver, not unstash) that have held a message since the last <see cref="ClearHeld"/>.</summary>
    private readonly List<Channel> _used = [];

    /// <summary>The channel the last held message went to (see <see cref="HoldFrom"/>); forgotten with the channels.</summary>
    private Channel? _lastHeld;

    private const int FullSweepRuns = 64;
    private int _runsSinceSweep;

    /// <summary>Per receiver: the messages it unstashed, which go before its other channels.</summary>
    private readonly Dictionary<ActorCell, Channel> _unstash = new(ReferenceEqualityComparer.Instance);

    /// <summary>Non-empty channels; each knows its index, so removal is O(1).</summary>
    private readonly List<Channel> _ready = [];

    /// <summary>Unstash channels that are not empty: while none is, no channel needs the unstash check.</summary>
    private int _unstashPending;

    /// <summary>
    /// Actors' channels to themselves that are not empty. A <c>Tell</c> to <c>Self</c> is in the mailbox
    /// at once, under every model: whatever is sent to the actor after it arrives after it (Akka
    /// remoting too). Under channel delivery that is the one order across channels it keeps
    /// (<see cref="WaitsForSelfSend"/>); under causal delivery the clocks keep it already.
    /// </summary>
    private int _selfPending;

    /// <summary>Controlled actors whose mailbox is suspended (they take no message): while none is, no channel needs the check.</summary>
    private readonly HashSet<ActorCell> _suspended = new(ReferenceEqualityComparer.Instance);

    /// <summary>From <see cref="ControlledDispatcher.Dispatch"/>: a user message to a controlled actor, from any thread.</summary>
    internal void Hold(ActorCell receiver, Envelope envelope)
    {
        if (t_stepping == this)
        {
            HoldFrom(_current, receiver, envelope);
        }
        else
        {
            _inbox.Enqueue(new Incoming(receiver, envelope, null));
        }
    }

    private void HoldFrom(ActorCell? sender, ActorCell receiver, Envelope envelope)
    {
        // A handler often sends twice on one channel, and replies run back and forth on two: the
        // last channel found is tried before the table.
        var channel = _lastHeld;
        if (channel is null || !ReferenceEquals(channel.Cell, receiver) || !ReferenceEquals(channel.SenderCell, sender))
        {
            channel = ChannelFor(sender, receiver);
            _lastHeld = channel;
        }

        if (!channel.IsUsed)
        {
            _used.Add(channel);
        }

        channel.Add(envelope, Steps, DigestOf(envelope), IsCausal ? SendClock(sender) : null, sender is null ? -1 : _causeStep);
        if (channel.ReadyIndex < 0)
        {
            MakeReady(channel);
        }
    }

    private Channel ChannelFor(ActorCell? sender, ActorCell receiver)
    {
        var key = new ChannelKey(sender ?? OutsideKey, receiver);
        if (!_channels.TryGetValue(key, out var channel))
        {
            channel = new Channel(receiver, KnownPathOf(receiver), sender is null ? Choice.Outside : KnownPathOf(sender), isUnstash: false, sender);
            _channels.Add(key, channel);
        }

        return channel;
    }

    /// <summary>Messages the actor put back into its mailbox (unstashed) become choices again, ahead of its other channels.</summary>
    private void TakeUnstashed(ActorCell cell)
    {
        // Every user message comes through the dispatcher and is held; only a stash puts one back in
        // the mailbox, and a stash needs a deque-based queue. Any other queue is empty (and asking a
        // concurrent queue its count costs more than the question is worth at every delivery).
        var queue = cell.Mailbox!.MessageQueue;
        if (queue is not IDequeBasedMessageQueueSemantics || !queue.HasMessages)
        {
            return;
        }

        var taken = new List<(Envelope, ulong)>();
        while (queue.TryDequeue(out var envelope))
        {
            taken.Add((envelope, DigestOf(envelope)));
        }

        if (!_unstash.TryGetValue(cell, out var channel))
        {
            channel = new Channel(cell, KnownPathOf(cell), Choice.Unstashed, isUnstash: true);
            _unstash.Add(cell, channel);
        }

        if (channel.Count == 0)
        {
            _unstashPending++;
        }

        channel.AddFirst(taken, Steps, _causeStep);
        if (channel.ReadyIndex < 0)
        {
            MakeReady(channel);
        }
    }

    /// <summary>
    /// The head of each ready channel whose receiver can take it, then the timers that may fire. In
    /// the default order (between runs, terminating) only the first is listed: it is the one taken,
    /// and a power cycle's hundreds of ready channels would make listing them all quadratic. While
    /// no receiver is suspended and none has unstashed messages waiting, every ready channel can
    /// deliver, and the list sees them in place.
    /// </summary>
    private void BuildChoices(TimeSpan deadline)
    {
        _choices.Clear();
        var firstOnly = _defaultOrder;
        // Under causal delivery the grouping serves the channels' check and the timers' alike.
        var causal = IsCausal && GroupReadyByReceiver();

        if (!firstOnly && !causal && _suspended.Count == 0 && _unstashPending == 0 && _selfPending == 0)
        {
            _choices.UseChannels(_ready);
            AddTimerChoices(deadline, firstOnly: false);
            return;
        }

        foreach (var channel in _ready)
        {
            var cell = channel.Cell;
            if (_unstashPending > 0 && !channel.IsUnstash && _unstash.TryGetValue(cell, out var unstashed) && unstashed.Count > 0)
            {
                continue;
            }

            // A failed actor waits for its supervisor's directive, a system message.
            if (_suspended.Count > 0 && MailboxAccess.IsSuspended(cell.Mailbox!))
            {
                continue;
            }

            if (causal && IsOvertaking(channel))
            {
                continue;
            }

            if (!causal && _selfPending > 0 && WaitsForSelfSend(channel))
            {
                continue;
            }

            _choices.Add(channel);
            if (firstOnly)
            {
                return;
            }
        }

        AddTimerChoices(deadline, firstOnly);
    }

    /// <summary>
    /// Keeps <see cref="_suspended"/> true after <paramref name="cell"/> ran (a delivery or a run of
    /// its system messages): a mailbox is suspended or resumed only by its own actor's processing
    /// (a failure, a supervisor's directive, stopping while children stop).
    /// </summary>
    private void NoteSuspension(ActorCell cell)
    {
        if (MailboxAccess.IsSuspended(cell.Mailbox!) && !cell.IsTerminated)
        {
            _suspended.Add(cell);
        }
        else if (_suspended.Count > 0)
        {
            _suspended.Remove(cell);
        }
    }

    private void DeliverHead(Channel channel)
    {
        var held = channel.Take();
        if (channel.Count == 0)
        {
            RemoveReady(channel);
            if (channel.IsUnstash)
            {
                _unstashPending--;
            }
            else if (IsSelf(channel))
            {
                _selfPending--;
                Debug.Assert(_selfPending >= 0, "a self channel empties once for each time it filled");
            }
        }

        // An unstashed message keeps its original sender in what monitors, stories and exports see;
        // the choice itself stays the unstash channel's (a trace names where a decision was made).
        var sender = channel.IsUnstash ? ActorCells.PathText(held.Envelope.Sender) : channel.Sender;
        Deliver(channel.Cell, held.Envelope, channel.Receiver, sender, isTimer: false, held.Digest, held.Clock, held.CauseStep, channel.IsUnstash);
    }

    private static bool IsSelf(Channel channel) => ReferenceEquals(channel.SenderCell, channel.Cell);

    /// <summary>
    /// Under channel delivery: the head of <paramref name="channel"/> was sent after a message its
    /// receiver sent itself that is still held, so it cannot arrive first (see <see cref="_selfPending"/>).
    /// A message sent at an earlier step may still arrive either side of it, as in flight.
    /// </summary>
    private bool WaitsForSelfSend(Channel channel) =>
        !channel.IsUnstash && !IsSelf(channel)
        && _channels.TryGetValue(new ChannelKey(channel.Cell, channel.Cell), out var self) && self.Count > 0
        && self.SentAtStep < channel.SentAtStep;

    private void MakeReady(Channel channel)
    {
        if (!channel.IsUnstash && IsSelf(channel))
        {
            _selfPending++;
        }

        channel.ReadyIndex = _ready.Count;
        _ready.Add(channel);
    }

    private void RemoveReady(Channel channel)
    {
        var index = channel.ReadyIndex;
        var last = _ready[^1];
        _ready[index] = last;
        last.ReadyIndex = index;
        _ready.RemoveAt(_ready.Count - 1);
        channel.ReadyIndex = -1;
    }

    /// <summary>
    /// Drops every held message and numbers every channel from 0 again: a new run starts with none
    /// held. Channels between live actors are kept (building one costs its paths' text); those of
    /// stopped actors go. Only the channels used since the last clear need it: a machine has
    /// thousands of channels and a run uses a fraction. An unused channel whose actor stopped
    /// meanwhile is swept out every <see cref="FullSweepRuns"/> runs.
    /// </summary>
    private void ClearHeld()
    {
        foreach (var channel in _ready)
        {
            channel.ReadyIndex = -1;
        }

        _ready.Clear();
        var sweepAll = ++_runsSinceSweep >= FullSweepRuns;
        var stopped = new List<ChannelKey>();
        if (sweepAll)
        {
            _runsSinceSweep = 0;
            foreach (var (key, channel) in _channels)
            {
                channel.Clear();
                if (channel.Cell.IsTerminated || key.SenderIsTerminated)
                {
                    stopped.Add(key);
                }
            }
        }
        else
        {
            foreach (var channel in _used)
            {
                channel.Clear();
                if (channel.Cell.IsTerminated || channel.SenderCell is { IsTerminated: true })
                {
                    stopped.Add(new ChannelKey((object?)channel.SenderCell ?? OutsideKey, channel.Cell));
                }
            }
        }

        _used.Clear();
        _lastHeld = null;
        foreach (var key in stopped)
        {
            _channels.Remove(key);
        }

        _unstash.Clear();
        _unstashPending = 0;
        _selfPending = 0;
        _suspended.RemoveWhere(static cell => cell.IsTerminated);
    }

    private static string PathOf(ActorCell cell) => cell.Self.Path.ToStringWithoutAddress();

    /// <summary>The path built when the actor was created (a new channel's actors are mostly new: each boot makes some 80), else built now.</summary>
    private string KnownPathOf(ActorCell cell) => _cells.TryGetValue(cell, out var state) ? state.Path : PathOf(cell);

    /// <summary>
    /// A channel's key: the sending cell (or <see cref="OutsideKey"/>) and the receiving cell, by
    /// reference. Hashing by reference serves lookups only; nothing is ever ordered by it.
    /// </summary>
    private readonly struct ChannelKey(object sender, ActorCell receiver) : IEquatable<ChannelKey>
    {
        private readonly object _sender = sender;
        private readonly ActorCell _receiver = receiver;

        public bool SenderIsTerminated => _sender is ActorCell cell && cell.IsTerminated;

        public bool Equals(ChannelKey other) => ReferenceEquals(_sender, other._sender) && ReferenceEquals(_receiver, other._receiver);

        public override bool Equals(object? obj) => obj is ChannelKey other && Equals(other);

        /// <summary>By the actors' uids (fields, where an object's identity hash is a call into the runtime); equality stays by reference.</summary>
        public override int GetHashCode() => HashCode.Combine(_sender is ActorCell sender ? sender.Self.Path.Uid : 0, _receiver.Self.Path.Uid);
    }
}
