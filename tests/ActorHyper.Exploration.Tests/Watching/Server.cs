using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Starts rallies at a player: several servers at once make the players' mailboxes concurrent.</summary>
internal sealed class Server : ReceiveActor
{
    public Server(PingPongLog log, IActorRef player) =>
        Receive<Serve>(serve =>
        {
            for (var i = 0; i < serve.Rallies; i++)
            {
                player.Tell(log.NewBall(serve.Id, serve.Hits - 1), Self);
            }
        });
}
