using ActorHyper.Runtime.Dispatch;
using ActorHyper.Runtime.Timing;

namespace ActorHyper.Runtime.Controlled;

/// <summary>
/// Controlled execution: one thread delivers one message per step, to the ready actor the
/// strategy picks. Virtual time advances only when no actor is ready. Everything that decides
/// the run is recorded (<see cref="Decisions"/>) and hashed (<see cref="TraceHash"/>), so the
/// same seed and scenario give the same run and a recorded run can be replayed exactly.
/// Not thread-safe: drive it from the thread that owns the actor system.
/// </summary>
public sealed class ControlledScheduler : IDispatcher, IDeliveryObserver
{
    /// <summary>Mailboxes with work; each knows its index here, so removal is O(1).</summary>
    private readonly List<Mailbox> _runnable = [];

    private readonly List<int> _decisions = [];
    private readonly List<IDeliveryMonitor> _monitors = [];
    private readonly Dictionary<Type, ulong> _typeHashes = [];
    private readonly long _stepLimit;
    private ulong _traceHash = StableHash.Offset;
    private bool _inStep;

    internal ControlledScheduler(ISchedulingStrategy strategy, long stepLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepLimit);
        Strategy = strategy;
        _stepLimit = stepLimit;
    }

    public ISchedulingStrategy Strategy { get; }

    /// <summary>Deliveries made so far; also the number of the next step.</summary>
    public long Steps { get; private set; }

    public TimeSpan Now => Timers.Now;

    /// <summary>A digest of every delivery so far (receiver, sender and message type, in order).</summary>
    public ulong TraceHash => _traceHash;

    /// <summary>The id of the actor chosen at each step: what <see cref="ReplayStrategy"/> needs to replay this run.</summary>
    public IReadOnlyList<int> Decisions => _decisions;

    /// <summary>Set when a monitor failed the run or a replay diverged; the run then makes no more steps.</summary>
    public RunFailure? Failure { get; private set; }

    /// <summary>True when no actor is ready and no timer is pending.</summary>
    public bool IsQuiescent => _runnable.Count == 0 && Timers.NextDue is null;

    /// <summary>Number of actors ready to run now.</summary>
    public int RunnableCount => _runnable.Count;

    internal VirtualClockScheduler Timers { get; } = new();

    public void AddMonitor(IDeliveryMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _monitors.Add(monitor);
    }

    /// <summary>Makes one delivery, firing due timers first if nothing is ready.</summary>
    public RunOutcome Step() => Step(TimeSpan.MaxValue);

    /// <summary>Runs until nothing can happen any more (or the step limit, or a failure).</summary>
    public RunOutcome RunUntilQuiescent() => RunUntil(static () => false);

    /// <summary>
    /// Runs for <paramref name="duration"/> of virtual time from now: <see cref="RunOutcome.DeadlineReached"/>
    /// when the time has passed, <see cref="RunOutcome.Quiescent"/> if nothing was left to happen first.
    /// </summary>
    public RunOutcome RunFor(TimeSpan duration) => RunUntil(static () => false, Now + duration);

    /// <summary>
    /// Runs until <paramref name="condition"/> holds (checked before every step), the virtual time
    /// passes <paramref name="deadline"/> with nothing ready, the system is quiescent, the step
    /// limit is reached, or the run fails.
    /// </summary>
    public RunOutcome RunUntil(Func<bool> condition, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = deadline ?? TimeSpan.MaxValue;
        while (true)
        {
            if (condition())
            {
                return RunOutcome.ConditionMet;
            }

            var outcome = Step(limit);
            if (outcome != RunOutcome.Delivered)
            {
                return outcome;
            }
        }
    }

    private RunOutcome Step(TimeSpan limit)
    {
        if (_inStep)
        {
            throw new InvalidOperationException(
                "the controlled scheduler is driven from the test or host thread, never from inside an actor");
        }

        if (Failure is not null)
        {
            return RunOutcome.Failed;
        }

        if (Steps >= _stepLimit)
        {
            return RunOutcome.StepLimitReached;
        }

        while (_runnable.Count == 0)
        {
            if (!Timers.AdvanceToNextDue(limit))
            {
                return Timers.NextDue is null ? RunOutcome.Quiescent : RunOutcome.DeadlineReached;
            }
        }

        int index;
        try
        {
            index = Strategy.Choose(_runnable, Steps);
        }
        catch (ReplayDivergedException e)
        {
            Failure = new RunFailure(Strategy.Name, e.Message, Steps, Now);
            return RunOutcome.Failed;
        }

        if ((uint)index >= (uint)_runnable.Count)
        {
            throw new InvalidOperationException(
                $"strategy '{Strategy.Name}' chose index {index} of {_runnable.Count} ready actors");
        }

        var mailbox = _runnable[index];
        _decisions.Add(mailbox.Cell.Id);
        _inStep = true;
        try
        {
            mailbox.RunOne(this);
        }
        finally
        {
            _inStep = false;
            Steps++;
        }

        if (!mailbox.HasWork)
        {
            Remove(mailbox);
        }

        return Failure is null ? RunOutcome.Delivered : RunOutcome.Failed;
    }

    void IDispatcher.Schedule(Mailbox mailbox)
    {
        // A suspended mailbox that only got user messages is not ready; its own system message will make it so.
        if (!mailbox.HasWork)
        {
            mailbox.ClearScheduled();
            return;
        }

        mailbox.RunnableIndex = _runnable.Count;
        _runnable.Add(mailbox);
    }

    void IDeliveryObserver.BeforeDelivery(ActorCell receiver, object message, IActorRef? sender, bool isSystem)
    {
        var hash = StableHash.Add(_traceHash, (ulong)receiver.Id);
        hash = StableHash.Add(hash, SenderKey(sender));
        _traceHash = StableHash.Add(hash, TypeKey(message.GetType()));
        if (_monitors.Count == 0)
        {
            return;
        }

        var delivery = new Delivery(Steps, Now, receiver.Self, message, sender, isSystem);
        foreach (var monitor in _monitors)
        {
            try
            {
                monitor.Observe(delivery);
            }
            catch (MonitorViolationException e)
            {
                // The failing delivery still happens; the run stops after it.
                Failure ??= new RunFailure(monitor.Name, e.Message, Steps, Now);
            }
        }
    }

    private void Remove(Mailbox mailbox)
    {
        var index = mailbox.RunnableIndex;
        var last = _runnable[^1];
        _runnable[index] = last;
        last.RunnableIndex = index;
        _runnable.RemoveAt(_runnable.Count - 1);
        mailbox.RunnableIndex = -1;
        mailbox.ClearScheduled();
    }

    private static ulong SenderKey(IActorRef? sender) => sender switch
    {
        null => ulong.MaxValue,
        LocalActorRef local => (ulong)local.Cell.Id,
        _ => StableHash.Of(sender.Path.ToString()),
    };

    private ulong TypeKey(Type type)
    {
        if (!_typeHashes.TryGetValue(type, out var key))
        {
            key = StableHash.Of(type.FullName ?? type.Name);
            _typeHashes.Add(type, key);
        }

        return key;
    }
}
