using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>A daemon on a node: answers every ping with a pong of the same round, until it is halted.</summary>
public sealed class Node : ReceiveActor
{
    public Node()
    {
        Receive<Ping>(ping =>
        {
            Context.System.EventStream.Publish(new PongSent(Self));
            ping.Detector.Tell(new Pong(Self, ping.Round));
        });
        Receive<Halt>(_ => Context.Stop(Self));
    }
}
