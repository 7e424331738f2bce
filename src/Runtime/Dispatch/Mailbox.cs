using System.Collections.Concurrent;

namespace ActorHyper.Runtime.Dispatch;

/// <summary>Sees each message just before its handler runs (controlled mode's trace and monitors).</summary>
internal interface IDeliveryObserver
{
    void BeforeDelivery(ActorCell receiver, object message, IActorRef? sender, bool isSystem);
}

/// <summary>
/// An actor's two queues and its run state. Any thread may post; exactly one thread at a time
/// consumes, guaranteed by the <see cref="Scheduled"/> bit: whoever sets it hands the mailbox to
/// the dispatcher, and only the consumer (or, controlled, the scheduler) clears it.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem, IRunnableActor
{
    private const int Scheduled = 1;
    private const int Closed = 2;

    /// <summary>User messages from any thread, FIFO per sender and overall.</summary>
    private readonly ConcurrentQueue<Envelope> _user = new();

    /// <summary>Lifecycle messages; always drained before the next user message.</summary>
    private readonly ConcurrentQueue<SystemMessage> _system = new();

    private readonly IDispatcher _dispatcher;
    private readonly int _throughput;

    /// <summary>Bit set of <see cref="Scheduled"/> and <see cref="Closed"/>; changed only by CAS.</summary>
    private int _status;

    /// <summary>Unstashed messages, handled before <see cref="_user"/>. Consumer-only, so not synchronised.</summary>
    private Queue<Envelope>? _front;

    /// <summary>Consumer-only: true while the actor failed (awaiting its supervisor) or is stopping.</summary>
    private bool _suspended;

    public Mailbox(ActorCell cell, IDispatcher dispatcher, int throughput)
    {
        Cell = cell;
        _dispatcher = dispatcher;
        _throughput = throughput;
    }

    public ActorCell Cell { get; }

    /// <summary>Position in the controlled scheduler's runnable list, or -1; owned by that scheduler.</summary>
    public int RunnableIndex { get; set; } = -1;

    int IRunnableActor.Id => Cell.Id;

    ActorPath IRunnableActor.Path => Cell.Path;

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    /// <summary>Whether a run would deliver something now. Exact only on the consumer's thread.</summary>
    public bool HasWork =>
        !IsClosed && (!_system.IsEmpty || (!_suspended && ((_front?.Count ?? 0) > 0 || !_user.IsEmpty)));

    public void Post(Envelope envelope)
    {
        _user.Enqueue(envelope);

        // One read decides: closed (before or during our enqueue) means whatever Close did not
        // drain is ours to hand over; already scheduled means the running consumer will see it.
        var status = Volatile.Read(ref _status);
        if ((status & Closed) != 0)
        {
            DrainUserToDeadLetters();
        }
        else if ((status & Scheduled) == 0)
        {
            TrySchedule();
        }
    }

    public void PostSystem(SystemMessage message)
    {
        if (IsClosed)
        {
            Cell.SystemMessageAfterClose(message);
            return;
        }

        _system.Enqueue(message);
        if (IsClosed)
        {
            DrainSystemAfterClose();
            return;
        }

        TrySchedule();
    }

    /// <summary>Consumer-only.</summary>
    public void SetSuspended(bool suspended) => _suspended = suspended;

    /// <summary>Consumer-only: puts messages back in front of everything not yet handled.</summary>
    public void PushFront(IReadOnlyList<Envelope> envelopes)
    {
        var front = new Queue<Envelope>(envelopes.Count + (_front?.Count ?? 0));
        foreach (var envelope in envelopes)
        {
            front.Enqueue(envelope);
        }

        if (_front is not null)
        {
            while (_front.TryDequeue(out var older))
            {
                front.Enqueue(older);
            }
        }

        _front = front;
    }

    /// <summary>Consumer-only: no message is handled after this; the queued ones become dead letters.</summary>
    public void Close()
    {
        int status;
        do
        {
            status = Volatile.Read(ref _status);
        }
        while (Interlocked.CompareExchange(ref _status, status | Closed, status) != status);

        if (_front is not null)
        {
            while (_front.TryDequeue(out var envelope))
            {
                Cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, Cell.Self);
            }
        }

        DrainUserToDeadLetters();
        DrainSystemAfterClose();
    }

    /// <summary>Concurrent mode: system messages, then up to a throughput batch of user messages.</summary>
    public void Execute()
    {
        try
        {
            ProcessAllSystem();
            for (var left = _throughput; left > 0 && !_suspended && !IsClosed && TryDequeueUser(out var envelope); left--)
            {
                Cell.Invoke(envelope);
                if (!_system.IsEmpty)
                {
                    ProcessAllSystem();
                }
            }
        }
        catch (Exception e)
        {
            // Actor code's exceptions are caught by the cell; this is a runtime fault, and a
            // thread-pool exception would end the process.
            Cell.System.ReportRuntimeFault(Cell.Path, e);
        }
        finally
        {
            Interlocked.And(ref _status, ~Scheduled);
            if (HasWork)
            {
                TrySchedule();
            }
        }
    }

    /// <summary>Controlled mode: delivers exactly one message, system messages first.</summary>
    public bool RunOne(IDeliveryObserver observer)
    {
        if (_system.TryDequeue(out var systemMessage))
        {
            observer.BeforeDelivery(Cell, systemMessage, null, isSystem: true);
            Cell.SystemInvoke(systemMessage);
            return true;
        }

        if (!_suspended && !IsClosed && TryDequeueUser(out var envelope))
        {
            observer.BeforeDelivery(Cell, envelope.Message, envelope.Sender, isSystem: false);
            Cell.Invoke(envelope);
            return true;
        }

        return false;
    }

    /// <summary>Controlled mode: the scheduler dropped this mailbox from its runnable list.</summary>
    public void ClearScheduled() => Interlocked.And(ref _status, ~Scheduled);

    private void TrySchedule()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (Scheduled | Closed)) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status)
            {
                _dispatcher.Schedule(this);
                return;
            }
        }
    }

    private bool TryDequeueUser(out Envelope envelope)
    {
        if (_front is not null && _front.TryDequeue(out envelope))
        {
            return true;
        }

        return _user.TryDequeue(out envelope);
    }

    private void ProcessAllSystem()
    {
        while (!IsClosed && _system.TryDequeue(out var message))
        {
            Cell.SystemInvoke(message);
        }
    }

    private void DrainUserToDeadLetters()
    {
        while (_user.TryDequeue(out var envelope))
        {
            Cell.System.PublishDeadLetter(envelope.Message, envelope.Sender, Cell.Self);
        }
    }

    private void DrainSystemAfterClose()
    {
        while (_system.TryDequeue(out var message))
        {
            Cell.SystemMessageAfterClose(message);
        }
    }
}
