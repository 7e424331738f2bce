using Akka.Actor;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Causal delivery (<see cref="DeliveryOrder.Causal"/>): every held message and timer carries the
/// vector clock of its send, and a channel's head is a choice only when no other held message to the
/// same receiver happened before it. Under channel delivery none of this runs.
/// </summary>
public sealed partial class ControlledDriver
{
    /// <summary>Each actor's clock as of its last delivery; reset with every run.</summary>
    private readonly Dictionary<ActorCell, VectorClock> _clocks = new(ReferenceEqualityComparer.Instance);

    /// <summary>Each actor's slot in the clocks, as first met in the run (slot 0: the outside).</summary>
    private readonly Dictionary<ActorCell, int> _clockSlots = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Per actor, what the senders of its system messages not yet run knew (a parent that created or
    /// stopped it, a child that failed or stopped, a watcher): its next system-message run takes it in.
    /// </summary>
    private readonly Dictionary<ActorCell, VectorClock> _systemSends = new(ReferenceEqualityComparer.Instance);

    /// <summary>Sends from outside so far: one host, so its sends are ordered among themselves.</summary>
    private int _outsideSends;

    /// <summary>Per receiver, its ready channels (unstash channels aside): regrouped at each step under causal delivery.</summary>
    private readonly Dictionary<ActorCell, List<Channel>> _readyByReceiver = new(ReferenceEqualityComparer.Instance);

    /// <summary>Lists of <see cref="_readyByReceiver"/> given back at the last regrouping: a step allocates none.</summary>
    private readonly Stack<List<Channel>> _spareLists = new();

    private bool IsCausal => Model.Delivery == DeliveryOrder.Causal;

    /// <summary>
    /// A send from <paramref name="sender"/> is an event of its own: the sender's slot ticks, and the
    /// message carries the clock (outside: the next of the host's). Two sends of one handler are then
    /// ordered, but what a receiver of the first does is not ordered before the second: another thread
    /// may run it before the handler reaches its second <c>Tell</c>.
    /// </summary>
    private VectorClock SendClock(ActorCell? sender)
    {
        if (sender is null)
        {
            return VectorClock.Zero.With(0, ++_outsideSends);
        }

        var slot = SlotOf(sender);
        var clock = _clocks.TryGetValue(sender, out var known) ? known : VectorClock.Zero;
        return _clocks[sender] = clock.With(slot, clock[slot] + 1);
    }

    /// <summary>A delivery to <paramref name="receiver"/> of a message stamped <paramref name="sent"/>: what it knows now includes the send.</summary>
    private void Received(ActorCell receiver, VectorClock? sent)
    {
        var before = _clocks.TryGetValue(receiver, out var clock) ? clock : VectorClock.Zero;
        _clocks[receiver] = before.MergeAndTick(sent, SlotOf(receiver));
    }

    private int SlotOf(ActorCell cell)
    {
        if (!_clockSlots.TryGetValue(cell, out var slot))
        {
            slot = _clockSlots.Count + 1;
            _clockSlots.Add(cell, slot);
        }

        return slot;
    }

    /// <summary>An actor created by <paramref name="parent"/> starts knowing what its parent knew: its creation happened after that.</summary>
    private void Created(ActorCell child, ActorCell parent)
    {
        if (IsCausal && _clocks.TryGetValue(parent, out var clock))
        {
            _clocks[child] = clock;
        }
    }

    /// <summary>From the dispatcher, on any thread: a system message to <paramref name="cell"/>, sent by the actor that runs now (if one does, on the driver's thread).</summary>
    internal void OnSystemMessage(ActorCell cell)
    {
        if (!IsCausal || t_stepping != this || _current is not { } sender || ReferenceEquals(sender, cell) || !_clocks.TryGetValue(sender, out var clock))
        {
            return;
        }

        _systemSends[cell] = _systemSends.TryGetValue(cell, out var known) ? known.Merge(clock) : clock;
    }

    /// <summary>
    /// An actor runs its system messages (its creation, whose constructor may send; a stop; a watch's
    /// notice; a failure): an event of its own, so its slot ticks, and what the senders of those
    /// messages knew happened before it. A child that stops and a parent that makes a successor on its
    /// <c>Terminated</c> are then ordered, and two siblings created in one step stay concurrent.
    /// </summary>
    private void RanSystemMessages(ActorCell cell)
    {
        if (IsCausal)
        {
            Received(cell, _systemSends.Remove(cell, out var sent) ? sent : null);
        }
    }

    /// <summary>
    /// True when another held message to the channel's receiver happened before its head: local
    /// Akka.NET would have put that one in the mailbox first. Heads suffice: a channel is FIFO, so a
    /// held message that happened before the head has its channel's head happen before it too.
    /// </summary>
    private bool IsOvertaking(Channel channel) =>
        !channel.IsUnstash && channel.HeadClock is { } clock && HeldBefore(channel.Cell, clock, except: channel);

    /// <summary>True when a held message to the timer's receiver was sent before the timer was set: it is in the mailbox first.</summary>
    private bool TimerOvertakes(PendingTimer timer, VectorClock clock) =>
        timer.Target is ActorRefWithCell { Underlying: ActorCell cell } && HeldBefore(cell, clock, except: null);

    /// <summary>Whether the head of a ready channel to <paramref name="receiver"/> (other than <paramref name="except"/>) happened before <paramref name="clock"/>.</summary>
    private bool HeldBefore(ActorCell receiver, VectorClock clock, Channel? except)
    {
        if (!_readyByReceiver.TryGetValue(receiver, out var held))
        {
            return false;
        }

        foreach (var channel in held)
        {
            if (!ReferenceEquals(channel, except) && channel.HeadClock is { } earlier && earlier.HappenedBefore(clock))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Groups the ready channels by receiver; true when some receiver has two or more (only then may one overtake another).</summary>
    private bool GroupReadyByReceiver()
    {
        foreach (var list in _readyByReceiver.Values)
        {
            list.Clear();
            _spareLists.Push(list);
        }

        _readyByReceiver.Clear();
        var contested = false;
        foreach (var channel in _ready)
        {
            if (channel.IsUnstash)
            {
                continue;
            }

            if (!_readyByReceiver.TryGetValue(channel.Cell, out var list))
            {
                list = _spareLists.Count > 0 ? _spareLists.Pop() : [];
                _readyByReceiver.Add(channel.Cell, list);
            }

            list.Add(channel);
            contested |= list.Count > 1;
        }

        return contested;
    }

    private void ClearCausality()
    {
        _clocks.Clear();
        _clockSlots.Clear();
        _readyByReceiver.Clear();
        _systemSends.Clear();
        _outsideSends = 0;
    }
}
