using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>
/// Sends its three updates to the head and its three queries to the tail, all at once, and stops, as
/// the original's client does (it never waits for an answer, so it never hears of a new head or tail).
/// Its keys are <c>startIn</c>, 2·<c>startIn</c> and 3·<c>startIn</c>, written 100, 200 and 300.
/// </summary>
public sealed class Client : ReceiveActor
{
    private const int Requests = 3;

    private readonly IActorRef _head;
    private readonly IActorRef _tail;
    private readonly int _startIn;

    public Client(IActorRef head, IActorRef tail, int startIn)
    {
        _head = head;
        _tail = tail;
        _startIn = startIn;
    }

    protected override void PreStart()
    {
        for (var next = 1; next <= Requests; next++)
        {
            _head.Tell(new Update(Self, next * _startIn, next * 100));
        }

        for (var next = 1; next <= Requests; next++)
        {
            _tail.Tell(new Query(Self, next * _startIn));
        }

        Context.Stop(Self);
    }
}
