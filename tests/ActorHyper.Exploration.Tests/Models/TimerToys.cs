using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Models;

/// <summary>Protocols with timers at real durations: a timeout racing a reply, a polling loop, two timers.</summary>
internal static class TimerToys
{
    internal sealed record Request(int Id);

    internal sealed record Reply(int Id);

    internal sealed record TimedOut(int Id);

    /// <summary>Answers every request, after passing it through a worker (a reply takes a few deliveries).</summary>
    internal sealed class Server : ReceiveActor
    {
        public Server()
        {
            var worker = Context.ActorOf(Props.Create(() => new Worker()), "worker");
            Receive<Request>(request => worker.Forward(request));
        }
    }

    internal sealed class Worker : ReceiveActor
    {
        public Worker() => Receive<Request>(request => Sender.Tell(new Reply(request.Id)));
    }

    /// <summary>A client that asks the server with a two-second timeout, numbering its requests.</summary>
    internal abstract class TimingOutClient : ReceiveActor, IWithTimers
    {
        /// <summary>The number of the request asked last.</summary>
        protected int Asked { get; private set; }

        public ITimerScheduler Timers { get; set; } = null!;

        protected void Ask(IActorRef server)
        {
            Asked++;
            server.Tell(new Request(Asked));
            Timers.StartSingleTimer("timeout", new TimedOut(Asked), TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>
    /// Asks once with a two-second timeout and, on timeout, asks again. The bug (planted): it
    /// forgets to ignore the first request's late reply, and counts a reply it did not wait for.
    /// The correct version cancels nothing and checks the id.
    /// </summary>
    internal sealed class RetryingClient : TimingOutClient
    {
        public RetryingClient(IActorRef server, bool correct)
        {
            Receive<string>(_ => Ask(server));
            Receive<TimedOut>(timeout =>
            {
                if (timeout.Id == Asked)
                {
                    Ask(server);
                }
            });
            Receive<Reply>(reply =>
            {
                if (reply.Id != Asked && !correct)
                {
                    throw new InvalidOperationException($"reply {reply.Id} counted while waiting for {Asked}");
                }

                if (reply.Id == Asked)
                {
                    Timers.Cancel("timeout");
                }
            });
        }

    }

    /// <summary>
    /// Asks with a two-second timeout, again on each timeout, and (the planted bug) declares the
    /// server dead after three timeouts in a row, though its replies are only slower than the timer.
    /// </summary>
    internal sealed class GivingUpClient : TimingOutClient
    {
        private int _missed;

        public GivingUpClient(IActorRef server)
        {
            Receive<string>(_ => Ask(server));
            Receive<TimedOut>(timeout =>
            {
                if (timeout.Id != Asked)
                {
                    return;
                }

                if (++_missed == 3)
                {
                    throw new InvalidOperationException("declared a live server dead after three timeouts");
                }

                Ask(server);
            });
            Receive<Reply>(reply =>
            {
                if (reply.Id == Asked)
                {
                    Timers.Cancel("timeout");
                }
            });
        }

    }

    internal sealed record Poll;

    internal sealed record Enough;

    /// <summary>Polls itself until a 100 ms timer says enough: its loop alone must move the clock.</summary>
    internal sealed class Poller : ReceiveActor, IWithTimers
    {
        public Poller(int[] polls)
        {
            Receive<string>(_ =>
            {
                Timers.StartSingleTimer("enough", new Enough(), TimeSpan.FromMilliseconds(100));
                Self.Tell(new Poll());
            });
            Receive<Poll>(_ =>
            {
                polls[0]++;
                Self.Tell(new Poll());
            });
            Receive<Enough>(_ => Context.Stop(Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    /// <summary>Sets a 1 s and a 2 s timer and writes down which fired first.</summary>
    internal sealed class TwoTimers : ReceiveActor, IWithTimers
    {
        public TwoTimers(List<string> fired)
        {
            Receive<string>(message =>
            {
                if (message == "go")
                {
                    Timers.StartSingleTimer("short", "1s", TimeSpan.FromSeconds(1));
                    Timers.StartSingleTimer("long", "2s", TimeSpan.FromSeconds(2));
                }
                else
                {
                    fired.Add(message);
                }
            });
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
