using Akka.Actor;

namespace ActorHyper.Exploration.Driver;

/// <summary>A timer set through <see cref="VirtualTimeScheduler"/>, waiting for a step to fire it.</summary>
internal sealed class PendingTimer : Choice
{
    public const string ActionReceiver = "(action)";

    public PendingTimer(long id, string receiverPath, ulong receiverHash, long sequence, TimeSpan due, TimeSpan? interval, ICanTell? receiver,
        object? message, IActorRef? sender, Action? action, ICancelable? cancelable, long setAtStep)
    {
        Id = id;
        Receiver = receiverPath;
        ReceiverHash = receiverHash;
        Sequence = sequence;
        Due = due;
        Interval = interval;
        Target = receiver;
        Message = message;
        SenderRef = sender;
        Action = action;
        Cancelable = cancelable;
        SentAtStep = setAtStep;
    }

    /// <summary>Creation order among all timers of the run: breaks ties between equal due times.</summary>
    public long Id { get; }

    public TimeSpan Due { get; set; }

    public TimeSpan? Interval { get; }

    public ICanTell? Target { get; }

    public object? Message { get; }

    public IActorRef? SenderRef { get; }

    public Action? Action { get; }

    public ICancelable? Cancelable { get; }

    public bool IsCancelled => Cancelable?.IsCancellationRequested ?? false;

    public override string Receiver { get; }

    /// <summary><see cref="StableHash.Of"/> of <see cref="Receiver"/>, folded into the trace when the timer fires.</summary>
    public ulong ReceiverHash { get; }

    public override string Sender => TimerSender;

    public override Type MessageType => Message?.GetType() ?? typeof(Action);

    public override long SentAtStep { get; }

    /// <summary>The delivery whose handler set it (−1: set from outside the actors); see <see cref="Monitors.Delivery.CauseStep"/>.</summary>
    public long CauseStep { get; init; } = -1;

    public override bool IsTimer => true;

    public override long Sequence { get; }

    private string? _channelName;

    public override string ChannelName => _channelName ??= TimerSender + "→" + Receiver;

    /// <summary>When it was set under causal delivery: the clock of the actor that set it (null: concurrent with everything).</summary>
    public VectorClock? Clock { get; init; }

    /// <summary>Lists it as a choice of the step being chosen, <paramref name="dueIn"/> from now (zero or less: overdue).</summary>
    internal void Offer(TimeSpan dueIn, TimerRace race, TimeSpan stepTime)
    {
        DueInTicks = dueIn;
        IsFutureTimer = dueIn > TimeSpan.Zero && race == TimerRace.Clocked;
        EarlyChance = IsFutureTimer ? stepTime.Ticks / (double)dueIn.Ticks : 0;
    }
}
