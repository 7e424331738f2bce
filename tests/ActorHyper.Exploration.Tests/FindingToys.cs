using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>Actors for <see cref="FindingsTests"/>: ones that crash, leave messages unhandled or make dead letters.</summary>
internal static class FindingToys
{
    /// <summary>Takes "first" then "second"; throws when "second" comes first, which only one order of its two senders does.</summary>
    internal sealed class Ordered : ReceiveActor
    {
        private bool _first;

        public Ordered()
        {
            Receive<string>(message =>
            {
                if (message == "first")
                {
                    _first = true;
                }
                else if (!_first)
                {
                    throw new InvalidOperationException("second before first");
                }
            });
        }
    }

    /// <summary>Tells its message to a target on any string.</summary>
    internal sealed class Teller : ReceiveActor
    {
        public Teller(IActorRef to, string message) => Receive<string>(_ => to.Tell(message));
    }

    /// <summary>Cannot be built.</summary>
    internal sealed class Unbuildable : ReceiveActor
    {
        public Unbuildable() => throw new InvalidOperationException("no configuration");
    }

    /// <summary>Handles strings only.</summary>
    internal sealed class StringsOnly : ReceiveActor
    {
        public StringsOnly() => Receive<string>(_ => { });
    }

    /// <summary>Asserts (as a test would) that it never gets a negative number.</summary>
    internal sealed class Asserting : ReceiveActor
    {
        public Asserting() => Receive<int>(n => Assert.True(n >= 0, $"got {n}"));
    }

    /// <summary>Designed to crash: it answers, then every third message throws, and its supervisor restarts it; it counts across restarts through its counter.</summary>
    internal sealed class Restarter : ReceiveActor
    {
        public Restarter(int[] counter) => Receive<int>(n =>
        {
            Sender.Tell(n + 1);
            if (++counter[0] % 3 == 0)
            {
                throw new InvalidOperationException($"crash at {n}");
            }
        });
    }

    /// <summary>Plays with a <see cref="Restarter"/> until it has sent a number of balls.</summary>
    internal sealed class Feeder : ReceiveActor
    {
        public Feeder(IActorRef restarter, int balls) => Receive<int>(n =>
        {
            if (n < balls)
            {
                restarter.Tell(n + 1);
            }
        });
    }

    /// <summary>Stops after its first message: what it is sent next becomes a dead letter.</summary>
    internal sealed class OneShot : ReceiveActor
    {
        public OneShot() => Receive<string>(_ => Context.Stop(Self));
    }

    /// <summary>A parent that resumes a child that throws (Akka then publishes a warning, not an error).</summary>
    internal sealed class Resuming : ReceiveActor
    {
        public Resuming()
        {
            var child = Context.ActorOf(Props.Create(() => new Ordered()), "ordered");
            ReceiveAny(message => child.Forward(message));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Resume);
    }
}
