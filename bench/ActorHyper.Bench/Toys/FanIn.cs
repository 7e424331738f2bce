using ActorHyper.Exploration.Runtime;
using Akka.Actor;
using Microsoft.Coyote.Actors;
using CoyoteActor = Microsoft.Coyote.Actors.Actor;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;

namespace ActorHyper.Bench.Toys;

/// <summary>
/// Fan-in: <see cref="Senders"/> senders each send <see cref="PerSender"/> numbered messages to one
/// receiver, which asserts that each sender's messages arrive in the order sent. Both versions
/// create every actor afresh for each schedule.
/// </summary>
public static class FanIn
{
    public const int Senders = 10;
    public const int PerSender = 10;

    /// <summary>Deliveries of one schedule: every numbered message once.</summary>
    public const int Deliveries = Senders * PerSender;

    /// <summary>Actors of one schedule in the Akka.NET version: the root, the receiver, the senders.</summary>
    public const int AkkaActors = 2 + Senders;

    /// <summary>Akka.NET: the root creates the receiver and the senders; with <paramref name="send"/> false nobody sends anything.</summary>
    public static Props Root(Verdict verdict, bool send) => ProducedProps.Of(() => new FanInRoot(verdict, send));

    /// <summary>Coyote: the test body of one iteration.</summary>
    public static void CoyoteTest(IActorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var receiver = runtime.CreateActor(typeof(CoyoteReceiver));
        for (var i = 0; i < Senders; i++)
        {
            runtime.CreateActor(typeof(CoyoteSender), new CoyoteSetup(receiver, i));
        }
    }

    /// <summary>Coyote schedules whose receiver saw all its messages (counted to check the runs are whole).</summary>
    public static int CoyoteCompleted => s_coyoteCompleted;

    private static int s_coyoteCompleted;

    public static void ResetCoyoteCompleted() => s_coyoteCompleted = 0;

    public sealed record Numbered(int Sender, int Sequence);

    private sealed class FanInRoot : ReceiveActor
    {
        public FanInRoot(Verdict verdict, bool send)
        {
            var receiver = Context.ActorOf(ProducedProps.Of(() => new Receiver(verdict)), "receiver");
            for (var i = 0; i < Senders; i++)
            {
                Context.ActorOf(SenderProps(receiver, i, send), "sender-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        /// <summary>
        /// The arguments are one closure's fields, which Akka reads by reflection. Captured from nested
        /// closures (a loop variable beside a constructor parameter) they would each cost an
        /// <c>Expression.Compile</c>, about 45 us: most of a schedule.
        /// </summary>
        private static Props SenderProps(IActorRef receiver, int index, bool send) => ProducedProps.Of(() => new Sender(receiver, index, send));
    }

    private sealed class Sender : ReceiveActor
    {
        private readonly IActorRef _receiver;
        private readonly int _index;
        private readonly bool _send;

        public Sender(IActorRef receiver, int index, bool send)
        {
            _receiver = receiver;
            _index = index;
            _send = send;
        }

        protected override void PreStart()
        {
            if (!_send)
            {
                return;
            }

            for (var s = 0; s < PerSender; s++)
            {
                _receiver.Tell(new Numbered(_index, s));
            }
        }
    }

    private sealed class Receiver : ReceiveActor
    {
        private readonly int[] _next = new int[Senders];
        private int _total;

        public Receiver(Verdict verdict) => Receive<Numbered>(m =>
        {
            verdict.Assert(m.Sequence == _next[m.Sender], "fan-in: a sender's messages arrived out of order");
            _next[m.Sender] = m.Sequence + 1;
            if (++_total == Deliveries)
            {
                verdict.Complete();
            }
        });
    }

    internal sealed class CoyoteSetup(ActorId receiver, int index) : CoyoteEvent
    {
        public ActorId Receiver { get; } = receiver;

        public int Index { get; } = index;
    }

    internal sealed class CoyoteNumbered(int sender, int sequence) : CoyoteEvent
    {
        public int Sender { get; } = sender;

        public int Sequence { get; } = sequence;
    }

    internal sealed class CoyoteSender : CoyoteActor
    {
        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var setup = (CoyoteSetup)initialEvent;
            for (var s = 0; s < PerSender; s++)
            {
                SendEvent(setup.Receiver, new CoyoteNumbered(setup.Index, s));
            }

            return Task.CompletedTask;
        }
    }

    [OnEventDoAction(typeof(CoyoteNumbered), nameof(OnNumbered))]
    internal sealed class CoyoteReceiver : CoyoteActor
    {
        private readonly int[] _next = new int[Senders];
        private int _total;

        private void OnNumbered(CoyoteEvent e)
        {
            var m = (CoyoteNumbered)e;
            Assert(m.Sequence == _next[m.Sender], "fan-in: a sender's messages arrived out of order");
            _next[m.Sender] = m.Sequence + 1;
            if (++_total == Deliveries)
            {
                Interlocked.Increment(ref s_coyoteCompleted);
            }
        }
    }
}
