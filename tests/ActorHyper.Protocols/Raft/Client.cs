using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.Raft;

/// <summary>
/// Sends the cluster one random command at a time, the next once the last is committed; after the
/// third is committed it tells the cluster manager to shut down and stops.
/// </summary>
public sealed class Client : ReceiveActor, IStateName
{
    private const int Requests = 3;
    private IActorRef _cluster = ActorRefs.Nobody;
    private int _sent;

    public Client()
    {
        CurrentStateName = "Init";
        Receive<ConfigureClient>(configure =>
        {
            _cluster = configure.Cluster;
            CurrentStateName = "PumpRequest";
            Become(() => Receive<ClientResponse>(_ =>
            {
                if (_sent == Requests)
                {
                    _cluster.Tell(new ShutDown());
                    Context.Stop(Self);
                }
                else
                {
                    SendRequest();
                }
            }));
            SendRequest();
        });
    }

    public string CurrentStateName { get; private set; }

    private void SendRequest()
    {
        _sent++;
        _cluster.Tell(new ClientRequest(Self, ActorRandom.For(Context.System).Of(Self).Next(100)));
    }
}
