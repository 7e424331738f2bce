using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>
/// The chain's master: starts the failure detector and, for each failure it reports, takes the
/// server out of the chain. A failed head is replaced by its successor and a failed tail by its
/// predecessor, each told so and answering when done; a failed middle server is only taken out of
/// the list (as in the original, whose messages for rewiring the chain around it are never sent). The
/// clients are told the new head and tail, and the detector the new chain.
/// </summary>
public sealed class Master : ReceiveActor, IStateName
{
    private readonly List<IActorRef> _servers;
    private readonly IReadOnlyList<IActorRef> _clients;
    private readonly IActorRef _detector;
    private IActorRef _head;
    private IActorRef _tail;

    public Master(IReadOnlyList<IActorRef> servers, IReadOnlyList<IActorRef> clients)
    {
        _servers = [.. servers];
        _clients = clients;
        _head = _servers[0];
        _tail = _servers[^1];
        var self = Self;
        IReadOnlyList<IActorRef> watched = [.. servers];
        _detector = Context.ActorOf(ProducedProps.Of(() => new FailureDetector(self, watched)), "failure-detector");
        WaitingForFailure();
    }

    public string CurrentStateName { get; private set; } = "";

    private void WaitingForFailure()
    {
        CurrentStateName = "WaitingForFailure";
        Receive<FailureDetected>(detected =>
        {
            if (_servers.Count <= 1)
            {
                throw new InvalidOperationException("every server has failed");
            }

            if (detected.Server.Equals(_head))
            {
                _servers.RemoveAt(0);
                Announce();
                _head = _servers[0];
                _head.Tell(new BecomeHead(Self));
                Become(CorrectingHead);
            }
            else if (detected.Server.Equals(_tail))
            {
                _servers.RemoveAt(_servers.Count - 1);
                Announce();
                _tail = _servers[^1];
                _tail.Tell(new BecomeTail(Self));
                Become(CorrectingTail);
            }
            else
            {
                _servers.Remove(detected.Server);
                Announce();
                Corrected();
            }
        });
    }

    private void CorrectingHead()
    {
        CurrentStateName = "CorrectingHead";
        Receive<HeadChanged>(_ => Corrected());
    }

    private void CorrectingTail()
    {
        CurrentStateName = "CorrectingTail";
        Receive<TailChanged>(_ => Corrected());
    }

    /// <summary>The monitors learn the new chain as soon as the master has changed it.</summary>
    private void Announce() => Context.System.EventStream.Publish(new ChainChanged([.. _servers]));

    private void Corrected()
    {
        foreach (var client in _clients)
        {
            client.Tell(new NewHeadTail(_head, _tail));
        }

        _detector.Tell(new FailureCorrected([.. _servers]));
        Become(WaitingForFailure);
    }
}
