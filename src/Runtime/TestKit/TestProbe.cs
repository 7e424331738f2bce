using System.Collections.Concurrent;
using System.Globalization;
using ActorHyper.Runtime.Controlled;

namespace ActorHyper.Runtime.TestKit;

/// <summary>
/// An actor that tests talk through, in the style of Akka's test kit. Timeouts are in the
/// system's time. Controlled: an expectation runs the scheduler until the message arrives, the
/// time is up, or nothing can happen any more; it never sleeps. Concurrent: it waits on the
/// probe's queue (a signal, not a sleep) for at most the timeout.
/// </summary>
public sealed class TestProbe
{
    private readonly ActorSystem _system;
    private readonly BlockingCollection<ReceivedMessage> _received = [];
    private TimeSpan? _withinDeadline;

    public TestProbe(ActorSystem system, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        Ref = system.SystemActorOf(Props.Create(() => new ProbeActor(_received)), name);
    }

    public IActorRef Ref { get; }

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>The timeout of expectations that name none.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Takes every message already received, in order, without running the scheduler or waiting:
    /// what a controlled test uses to read a record of events once the run has reached its point.
    /// </summary>
    public IReadOnlyList<object> ReceiveAvailable()
    {
        var taken = new List<object>();
        while (_received.TryTake(out var received))
        {
            LastSender = received.Sender;
            taken.Add(received.Message);
        }

        return taken;
    }

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with this probe as the sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Replies to the sender of the last message taken.</summary>
    public void Reply(object message) =>
        (LastSender ?? throw new TestKitException("Reply: no message has been received yet")).Tell(message, Ref);

    public void Watch(IActorRef target) => Ref.Tell(new ProbeWatch(target, Watch: true));

    public void Unwatch(IActorRef target) => Ref.Tell(new ProbeWatch(target, Watch: false));

    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>(static _ => true, timeout);

    /// <summary>The next message must be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Func<T, bool> predicate, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var what = $"ExpectMsg<{typeof(T).Name}>" + (hint is null ? "" : $" ({hint})");
        var received = Take(what, timeout);
        if (received.Message is not T typed)
        {
            throw new TestKitException($"{what}: got {Describe(received.Message)} instead");
        }

        if (!predicate(typed))
        {
            throw new TestKitException($"{what}: got {Describe(received.Message)}, which does not match");
        }

        return typed;
    }

    /// <summary>The next message must equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull =>
        ExpectMsg<T>(m => EqualityComparer<T>.Default.Equals(m, expected), timeout, $"equal to {expected}");

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout, $"Terminated of {target.Path}");

    /// <summary>No message may arrive during <paramref name="duration"/>.</summary>
    public void ExpectNoMsg(TimeSpan duration)
    {
        var deadline = Deadline(duration);
        if (TryTake(deadline, out var received, out _))
        {
            throw new TestKitException($"ExpectNoMsg: got {Describe(received.Message)}");
        }
    }

    /// <summary>Skips messages until one satisfies <paramref name="isTheOne"/>, and returns it.</summary>
    public object FishForMessage(Func<object, bool> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        var deadline = Deadline(timeout ?? DefaultTimeout);
        var skipped = new List<string>();
        while (true)
        {
            if (!TryTake(deadline, out var received, out var why))
            {
                var seen = skipped.Count == 0 ? "nothing else" : string.Join(", ", skipped);
                throw new TestKitException($"FishForMessage: no matching message ({why}); skipped {seen}");
            }

            if (isTheOne(received.Message))
            {
                return received.Message;
            }

            skipped.Add(Describe(received.Message));
        }
    }

    public T FishForMessage<T>(Func<T, bool> isTheOne, TimeSpan? timeout = null) =>
        (T)FishForMessage(m => m is T typed && isTheOne(typed), timeout);

    /// <summary>
    /// Runs <paramref name="body"/>, whose expectations get at most what is left of
    /// <paramref name="max"/>, and fails if the block as a whole took longer.
    /// </summary>
    public T Within<T>(TimeSpan max, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var start = _system.Now;
        var outer = _withinDeadline;
        var deadline = start + max;
        _withinDeadline = outer is { } o && o < deadline ? o : deadline;
        try
        {
            var result = body();
            var took = _system.Now - start;
            if (took > max)
            {
                throw new TestKitException(string.Create(CultureInfo.InvariantCulture,
                    $"Within: the block took {took.TotalMilliseconds:0.###} ms, more than {max.TotalMilliseconds:0.###} ms"));
            }

            return result;
        }
        finally
        {
            _withinDeadline = outer;
        }
    }

    public void Within(TimeSpan max, Action body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Within(max, () =>
        {
            body();
            return true;
        });
    }

    private ReceivedMessage Take(string what, TimeSpan? timeout)
    {
        if (!TryTake(Deadline(timeout ?? DefaultTimeout), out var received, out var why))
        {
            throw new TestKitException($"{what}: no message ({why})");
        }

        return received;
    }

    private TimeSpan Deadline(TimeSpan timeout)
    {
        var deadline = _system.Now + timeout;
        return _withinDeadline is { } within && within < deadline ? within : deadline;
    }

    private bool TryTake(TimeSpan deadline, out ReceivedMessage received, out string why)
    {
        bool took;
        if (_system.Mode == ExecutionMode.Controlled)
        {
            var outcome = _system.Controlled.RunUntil(() => _received.Count > 0, deadline);
            why = outcome switch
            {
                RunOutcome.Quiescent => "the system is quiescent: nothing is left to run",
                RunOutcome.DeadlineReached => Timeout(deadline),
                RunOutcome.StepLimitReached => $"the step limit was reached after {_system.Controlled.Steps} steps",
                RunOutcome.Failed => $"the run failed: {_system.Controlled.Failure}",
                _ => "",
            };
            took = _received.TryTake(out received);
        }
        else
        {
            var remaining = deadline - _system.Now;
            why = Timeout(deadline);
            took = _received.TryTake(out received, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }

        if (took)
        {
            LastSender = received.Sender;
        }

        return took;
    }

    private string Timeout(TimeSpan deadline) => string.Create(CultureInfo.InvariantCulture,
        $"timed out at {deadline.TotalMilliseconds:0.###} ms of {(_system.Mode == ExecutionMode.Controlled ? "virtual" : "wall")} time");

    private static string Describe(object message) => $"{message.GetType().Name} {message}";
}
