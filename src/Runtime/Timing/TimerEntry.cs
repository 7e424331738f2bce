namespace ActorHyper.Runtime.Timing;

/// <summary>One scheduled tell (or runtime callback), shared by both schedulers.</summary>
internal sealed class TimerEntry : ICancelable
{
    private int _cancelled;

    public TimerEntry(IActorRef? receiver, object? message, IActorRef? sender, Action? callback, TimeSpan? interval)
    {
        if (interval is { } period && period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), period, "a repeating timer's interval must be positive");
        }

        Receiver = receiver;
        Message = message;
        Sender = sender;
        Callback = callback;
        Interval = interval;
    }

    public IActorRef? Receiver { get; }

    public object? Message { get; }

    public IActorRef? Sender { get; }

    /// <summary>Runtime-internal timers (Ask timeouts) run an action instead of telling.</summary>
    public Action? Callback { get; }

    public TimeSpan? Interval { get; }

    /// <summary>Lets the concurrent scheduler release its OS timer on cancel.</summary>
    public Action? OnCancel { get; set; }

    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            OnCancel?.Invoke();
        }
    }

    public void Fire()
    {
        if (IsCancellationRequested)
        {
            return;
        }

        if (Callback is not null)
        {
            Callback();
        }
        else
        {
            Receiver!.Tell(Message!, Sender);
        }
    }
}
