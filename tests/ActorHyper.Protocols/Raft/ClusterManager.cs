using ActorHyper.Exploration.Coverage;
using Akka.Actor;

namespace ActorHyper.Protocols.Raft;

/// <summary>
/// Configures the servers and the client, learns the leader of the latest term from the leaders
/// themselves, and passes the client's requests to it. Until a first leader is known it is
/// unavailable and keeps the client's requests; when the client is done it shuts every server down.
/// </summary>
public sealed class ClusterManager : ReceiveActor, IWithUnboundedStash, IStateName
{
    private readonly IReadOnlyList<IActorRef> _servers;
    private IActorRef _leader = ActorRefs.Nobody;
    private int _leaderTerm;

    public ClusterManager(IReadOnlyList<IActorRef> servers, IActorRef client)
    {
        _servers = servers;
        CurrentStateName = "Init";
        // The servers hear from this actor first, so nothing it sends later (a request, the
        // shutdown) can overtake their configuration on the channel.
        Receive<ConfigureCluster>(_ =>
        {
            for (var id = 0; id < _servers.Count; id++)
            {
                _servers[id].Tell(new ConfigureServer(id, _servers, Self));
            }

            client.Tell(new ConfigureClient(Self));
            BecomeUnavailable();
        });
    }

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName { get; private set; }

    private void BecomeUnavailable()
    {
        CurrentStateName = "Unavailable";
        Become(() =>
        {
            Receive<NotifyLeaderUpdate>(update =>
            {
                UpdateLeader(update);
                BecomeAvailable();
            });
            Receive<ShutDown>(_ => ShutDown());
            Receive<ClientRequest>(_ => Stash.Stash());
        });
    }

    private void BecomeAvailable()
    {
        CurrentStateName = "Available";
        Become(() =>
        {
            Receive<ClientRequest>(request => _leader.Tell(request));
            // Round again through this mailbox, to whichever leader is known by then.
            Receive<RedirectRequest>(redirect => Self.Tell(redirect.Request));
            Receive<NotifyLeaderUpdate>(UpdateLeader);
            Receive<ShutDown>(_ => ShutDown());
        });
        Stash.UnstashAll();
    }

    /// <summary>Only a leader of a later term than the known one replaces it.</summary>
    private void UpdateLeader(NotifyLeaderUpdate update)
    {
        if (_leaderTerm < update.Term)
        {
            _leader = update.Leader;
            _leaderTerm = update.Term;
        }
    }

    private void ShutDown()
    {
        foreach (var server in _servers)
        {
            server.Tell(new ShutDown());
        }

        Context.Stop(Self);
    }
}
