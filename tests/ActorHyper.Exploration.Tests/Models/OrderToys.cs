using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Models;

/// <summary>Actors whose receiver records the order it was told things in: what a delivery model allows, seen from outside.</summary>
internal static class OrderToys
{
    /// <summary>Writes down every string it gets.</summary>
    internal sealed class Recorder : ReceiveActor
    {
        public Recorder(List<string> heard) => Receive<string>(heard.Add);
    }

    /// <summary>On "go": tells the recorder its word, then passes "go" on to the next actor (if any).</summary>
    internal sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef recorder, string word, IActorRef? next) => Receive<string>(_ =>
        {
            recorder.Tell(word);
            next?.Tell("go");
        });
    }

    /// <summary>On "go": tells itself "self", then asks an echo for a "pong"; writes down everything else it gets.</summary>
    internal sealed class SelfTeller : ReceiveActor
    {
        public SelfTeller(List<string> heard, IActorRef echo)
        {
            Receive<string>(word => word == "go", _ =>
            {
                Self.Tell("self");
                echo.Tell("ping");
            });
            Receive<string>(heard.Add);
        }
    }

    /// <summary>Answers "pong" to whatever it gets.</summary>
    internal sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(_ => Sender.Tell("pong"));
    }

    /// <summary>Tells the recorder its word once, from its constructor, and stops.</summary>
    internal sealed class OneWord : ReceiveActor
    {
        public OneWord(IActorRef recorder, string word)
        {
            recorder.Tell(word);
            Context.Stop(Self);
            ReceiveAny(_ => { });
        }
    }

    /// <summary>
    /// Makes a <see cref="OneWord"/> saying "old", watches it, and once it has stopped makes its
    /// successor saying "new": local Akka.NET delivers "old" first, always.
    /// </summary>
    internal sealed class Successor : ReceiveActor
    {
        public Successor(IActorRef recorder)
        {
            Context.Watch(Context.ActorOf(Props.Create(() => new OneWord(recorder, "old")), "first"));
            Receive<Terminated>(_ => Context.ActorOf(Props.Create(() => new OneWord(recorder, "new")), "second"));
        }
    }

    /// <summary>Sends its two words to the recorder when told "go", in one handler.</summary>
    internal sealed class TwoWords : ReceiveActor
    {
        public TwoWords(IActorRef recorder, string first, string second) => Receive<string>(_ =>
        {
            recorder.Tell(first);
            recorder.Tell(second);
        });
    }
}
