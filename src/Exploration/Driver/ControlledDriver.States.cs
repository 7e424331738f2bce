using System.Collections.Concurrent;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Global state digests, for an exhaustive search that skips states it has seen. Kept only while an
/// <see cref="IStateAwareStrategy"/> runs, so other strategies pay nothing for them.
/// </summary>
/// <remarks>
/// The digest of a step's state folds: virtual time and the running deadline; every live controlled
/// actor, by path, with its own digest if it implements <see cref="IStateDigest"/>, else its history
/// (see below); every held message, by channel and in channel order, with its sender; every pending
/// timer (receiver, due time, interval, message); every actor's random stream; the state sources a
/// host adds (its script's position, <see cref="AddStateSource"/>); and every monitor that watches
/// deliveries or events. A monitor that cannot give a digest (<see cref="IStateDigest"/>) makes the
/// digest unavailable (<see cref="StateDigestUnavailable"/>): its verdict may depend on how the state
/// was reached, so no state may stand for another.
///
/// An actor without a digest of its own is represented by its history in this run: every message it
/// was given (content, sender, virtual time) and, for each of its system-message runs, the step that
/// caused it (the receiver's digest before the step and the message). Actors are deterministic, so
/// equal histories mean equal states: sound, but two orders of the same messages stay two states.
/// </remarks>
public sealed partial class ControlledDriver
{
    /// <summary>Every controlled actor cell attached to the dispatcher (any thread attaches; read on the driver's).</summary>
    private readonly ConcurrentDictionary<ActorCell, CellState> _cells = new(ReferenceEqualityComparer.Instance);

    private readonly List<IStateDigest> _stateSources = [];

    /// <summary>Set while an <see cref="IStateAwareStrategy"/> runs: histories and dirtiness are kept.</summary>
    private bool _tracking;

    /// <summary>What a system-message run during the current step folds into its actor's history.</summary>
    private ulong _stepCause;

    private ActorCell? _stepReceiver;

    private bool _stepTouchedOthers;

    /// <summary>True from a step's choice until its system messages are done.</summary>
    private bool _inStep;

    /// <summary>Counts the steps made by this driver, tracked or not: tells which actors a step created.</summary>
    private long _stepSerial;

    /// <summary>Deliveries made by the current step; only the invariant "one step, one message" reads it.</summary>
    private int _stepDeliveries;

    private bool _pruned;

    private TimeSpan _deadline = TimeSpan.MaxValue;

    /// <summary>
    /// True when the last step changed no actor but its receiver (and actors it created): no other
    /// actor ran a system message (a stop, a watch, a failure) because of it. Two such steps with
    /// different receivers commute.
    /// </summary>
    public bool LastStepWasLocal { get; private set; } = true;

    /// <summary>Why <see cref="StateDigest"/> is null, if it is: the monitor that gives no digest.</summary>
    public string? StateDigestUnavailable
    {
        get
        {
            foreach (var monitor in _deliveryMonitors.Concat(_eventMonitors))
            {
                if (monitor is not IStateDigest)
                {
                    return $"monitor '{monitor.Name}' gives no state digest";
                }
            }

            return null;
        }
    }

    /// <summary>How many live controlled actors give no digest of their own (their history stands for it).</summary>
    public int ActorsWithoutDigest => _cells.Keys.Count(static cell => !cell.IsTerminated && CellAccess.ActorOf(cell) is not IStateDigest);

    /// <summary>Set when a state-aware strategy ended the run (<see cref="RunOutcome.Pruned"/>); no step is made after it.</summary>
    public bool IsPruned => _pruned;

    /// <summary>Something outside the actors whose state matters for the run (a host's script position): folded into <see cref="StateDigest"/>.</summary>
    public void AddStateSource(IStateDigest source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _stateSources.Add(source);
    }

    /// <summary>
    /// The digest of the global state now (see the remarks on this class), or null when a monitor
    /// gives none. Meant to be read by an <see cref="IStateAwareStrategy"/> as it chooses: only then
    /// are the actors' histories kept.
    /// </summary>
    public ulong? StateDigest()
    {
        if (StateDigestUnavailable is not null)
        {
            return null;
        }

        var hash = StableHash.Add(StableHash.Add(StableHash.Offset, (ulong)_now.Ticks), (ulong)_deadline.Ticks);
        var actors = 0UL;
        foreach (var (cell, state) in _cells)
        {
            if (cell.IsTerminated)
            {
                continue;
            }

            actors += StateDigests.Mix(StableHash.Add(state.PathHash, DigestOf(cell, state)));
        }

        var channels = 0UL;
        foreach (var channel in _ready)
        {
            channels += StateDigests.Mix(StableHash.Add(channel.IdentityHash, ContentOf(channel)));
        }

        hash = StableHash.Add(StableHash.Add(hash, actors), channels);
        hash = StableHash.Add(hash, TimersDigest());
        hash = StableHash.Add(hash, _system is null ? 0 : ActorRandom.For(_system).StateDigest());
        foreach (var source in _stateSources)
        {
            hash = StableHash.Add(hash, source.StateDigest());
        }

        foreach (var monitor in _monitors)
        {
            if (monitor is IStateDigest digest)
            {
                hash = StableHash.Add(hash, digest.StateDigest());
            }
        }

        return hash;
    }

    /// <summary>From <see cref="ControlledDispatcher"/>: a controlled actor was created (any thread).</summary>
    internal void OnAttached(ActorCell cell)
    {
        var state = new CellState(PathOf(cell)) { CreatedAtStep = _stepSerial };
        state.History = state.PathHash;
        _cells[cell] = state;
        if (t_stepping == this && _current is { } parent)
        {
            Created(cell, parent);
        }
    }

    internal void OnDetached(ActorCell cell) => _cells.TryRemove(cell, out _);

    /// <summary>Called as a run begins: histories start again (every run begins with the actors as built).</summary>
    private void BeginTracking()
    {
        _tracking = Strategy is IStateAwareStrategy;
        _pruned = false;
        LastStepWasLocal = true;
        foreach (var state in _cells.Values)
        {
            state.History = state.PathHash;
            state.Dirty = true;
        }
    }

    /// <summary>Before a delivery's handler runs.</summary>
    private void TrackDelivery(ActorCell cell, Envelope envelope, ulong message)
    {
        if (!_tracking || !_cells.TryGetValue(cell, out var state))
        {
            return;
        }

        // The cause of the system messages this step makes others run: the receiver's history (which
        // determines its state) and the message; cheaper than its digest, and as sound.
        var sender = MessageDigest.Of(envelope.Sender, _digests);
        _stepCause = StableHash.Add(StableHash.Add(StableHash.Add(state.History, message), sender), (ulong)_now.Ticks);
        state.History = StableHash.Add(StableHash.Add(StableHash.Add(state.History, message), sender), (ulong)_now.Ticks);
        state.Dirty = true;
    }

    /// <summary>
    /// A system-message run of <paramref name="cell"/> that the driver's thread caused (during a step,
    /// or between steps: a host's). Runs that other threads asked for (Akka starting its own actors)
    /// happen at no step of the run and are not part of any history.
    /// </summary>
    private void TrackWork(ActorCell cell)
    {
        if (!_tracking || !_cells.TryGetValue(cell, out var state))
        {
            return;
        }

        var cause = _inStep ? _stepCause : StableHash.Add(0x4F555453UL, (ulong)Steps);
        state.History = StableHash.Add(state.History, cause);
        state.Dirty = true;
        if (!ReferenceEquals(cell, _stepReceiver) && state.CreatedAtStep != _stepSerial)
        {
            _stepTouchedOthers = true;
        }
    }

    private ulong DigestOf(ActorCell cell, CellState state)
    {
        if (!state.Dirty)
        {
            return state.Digest;
        }

        state.Digest = CellAccess.ActorOf(cell) is IStateDigest own
            ? StableHash.Add(StableHash.Add(0x4F574E00UL, own.StateDigest()), MailboxAccess.IsSuspended(cell.Mailbox!) ? 1UL : 0UL)
            : StableHash.Add(0x48495354UL, state.History);
        state.Dirty = false;
        return state.Digest;
    }

    private ulong ContentOf(Channel channel)
    {
        if (channel.ContentDigest is { } known)
        {
            return known;
        }

        var hash = StableHash.Offset;
        foreach (var held in channel.HeldEnvelopes)
        {
            hash = StableHash.Add(StableHash.Add(hash, MessageDigest.Of(held.Message, _digests)), MessageDigest.Of(held.Sender, _digests));
        }

        channel.ContentDigest = hash;
        return hash;
    }

    private ulong TimersDigest()
    {
        lock (_timerGate)
        {
            return StateDigests.Unordered(_timers.Where(static timer => !timer.IsCancelled), timer =>
                StableHash.Add(StableHash.Add(StableHash.Add(StableHash.Add(timer.ReceiverHash, (ulong)timer.Due.Ticks),
                    (ulong)(timer.Interval?.Ticks ?? -1)), MessageDigest.Of(timer.Message, _digests)), MessageDigest.Of(timer.SenderRef, _digests)));
        }
    }

    /// <summary>What the driver keeps per controlled actor for digests.</summary>
    private sealed class CellState(string path)
    {
        /// <summary>The actor's path without its address, as traces name it, built once.</summary>
        public string Path { get; } = path;

        public ulong PathHash { get; } = StableHash.Of(path);

        /// <summary>The actor's history this run (see the class remarks), seeded with its path.</summary>
        public ulong History { get; set; }

        /// <summary>The driver's step serial when the actor was created.</summary>
        public long CreatedAtStep { get; set; }

        public ulong Digest { get; set; }

        /// <summary>True once the actor ran since <see cref="Digest"/> was taken.</summary>
        public bool Dirty { get; set; } = true;
    }
}
