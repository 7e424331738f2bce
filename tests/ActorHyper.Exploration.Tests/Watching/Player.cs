using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Returns each ball to its partner until the rally is over, noting what it handled in its own order.</summary>
internal sealed class Player : ReceiveActor
{
    private IActorRef _partner = ActorRefs.Nobody;

    public Player(PingPongLog log, List<long> handled)
    {
        Receive<IActorRef>(partner => _partner = partner);
        Receive<Ball>(ball =>
        {
            handled.Add(ball.Id);
            if (ball.Remaining > 0)
            {
                _partner.Tell(log.NewBall(ball.Id, ball.Remaining - 1), Self);
            }

            log.Hit();
        });
    }
}
