using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.Raft;

/// <summary>
/// A Raft server: follower, candidate or leader (after its configuration), with two timers of its
/// own. The election timer is armed on becoming follower or candidate; when it fires, a follower or
/// candidate stands for a new term. The periodic timer is armed whenever a candidate sends its vote
/// requests, so a candidate that has not won asks everyone again each period; a leader ignores both.
/// As in the original, arming a timer that is already pending does nothing, and a timer that comes due
/// fires only on a fair coin (the original's timers may or may not fire, which also lets a run end).
/// A role change takes effect when the handler ends, as the original's raised events do: the rest of
/// the handler still runs in the old role.
/// </summary>
public sealed class Server : ReceiveActor, IWithTimers, IWithUnboundedStash, IStateName
{
    /// <summary>Election timeouts are drawn from this range each time the timer is armed (the Raft paper's 150–300 ms).</summary>
    public static readonly TimeSpan ElectionTimeoutMin = TimeSpan.FromMilliseconds(150);

    /// <inheritdoc cref="ElectionTimeoutMin"/>
    public static readonly TimeSpan ElectionTimeoutMax = TimeSpan.FromMilliseconds(300);

    /// <summary>How often a candidate repeats its vote requests: well under the election timeout, as Raft's heartbeats are.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);

    private const string ElectionTimer = "election";
    private const string PeriodicTimer = "periodic";

    private readonly bool _countsEachVoterOnce;
    private readonly DeterministicRandom _random;
    private readonly List<LogEntry> _log = [];
    private readonly Dictionary<IActorRef, int> _nextIndex = [];
    private readonly Dictionary<IActorRef, int> _matchIndex = [];

    /// <summary>Who granted this candidate a vote in its current term (only the fixed server keeps it).</summary>
    private readonly HashSet<IActorRef> _voters = [];

    private int _id;
    private IReadOnlyList<IActorRef> _servers = [];
    private IActorRef _clusterManager = ActorRefs.Nobody;
    private IActorRef? _leader;
    private int _currentTerm;
    private IActorRef? _votedFor;
    private int _commitIndex;
    private int _lastApplied;

    /// <summary>Votes as candidate; acknowledgements of the latest client entry as leader (the original counts both here).</summary>
    private int _votesReceived;

    private ClientRequest? _lastClientRequest;

    /// <summary>The role a handler has decided on, taken when it ends.</summary>
    private Action? _raised;

    /// <param name="countsEachVoterOnce">
    /// False: the planted bug, a candidate counts every granted vote, so a follower that grants its
    /// vote again to a repeated request is counted twice. True: the fix, it counts each voter once.
    /// </param>
    public Server(bool countsEachVoterOnce)
    {
        _countsEachVoterOnce = countsEachVoterOnce;
        _random = ActorRandom.For(Context.System).Of(Self);
        CurrentStateName = "Init";
        Receive<ConfigureServer>(configure =>
        {
            _id = configure.Id;
            _servers = configure.Servers;
            _clusterManager = configure.ClusterManager;
            Stash.UnstashAll();
            BecomeFollower();
        });
        // A peer may ask for a vote or append before this server knows its peers: kept until then.
        Receive<VoteRequest>(_ => Stash.Stash());
        Receive<AppendEntriesRequest>(_ => Stash.Stash());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName { get; private set; }

    private int Majority => (_servers.Count / 2) + 1;

    private void BecomeFollower()
    {
        CurrentStateName = "Follower";
        Become(() =>
        {
            On<ClientRequest>(RedirectClientRequest);
            On<VoteRequest>(request =>
            {
                AdoptHigherTerm(request.Term);
                Vote(request);
            });
            On<VoteResponse>(response => AdoptHigherTerm(response.Term));
            On<AppendEntriesRequest>(request =>
            {
                AdoptHigherTerm(request.Term);
                AppendEntries(request);
            });
            On<AppendEntriesResponse>(response => AdoptHigherTerm(response.Term));
            On<ElectionTimeout>(_ => OnElectionTimeout());
            On<ShutDown>(_ => ShutDown());
            Receive<PeriodicTimeout>(_ => { });
        });
        _leader = null;
        _votesReceived = 0;
        ArmElectionTimer();
    }

    private void BecomeCandidate()
    {
        CurrentStateName = "Candidate";
        Become(() =>
        {
            On<ClientRequest>(RedirectClientRequest);
            On<VoteRequest>(request =>
            {
                if (AdoptHigherTerm(request.Term))
                {
                    Vote(request);
                    Raise(BecomeFollower);
                }
                else
                {
                    Vote(request);
                }
            });
            On<VoteResponse>(CountVote);
            On<AppendEntriesRequest>(request =>
            {
                if (AdoptHigherTerm(request.Term))
                {
                    AppendEntries(request);
                    Raise(BecomeFollower);
                }
                else
                {
                    AppendEntries(request);
                }
            });
            On<AppendEntriesResponse>(response =>
            {
                if (AdoptHigherTerm(response.Term))
                {
                    Raise(BecomeFollower);
                }
            });
            On<ElectionTimeout>(_ => OnElectionTimeout());
            On<PeriodicTimeout>(_ =>
            {
                if (_random.NextBool())
                {
                    BroadcastVoteRequests();
                }
            });
            On<ShutDown>(_ => ShutDown());
        });
        _currentTerm++;
        _votedFor = Self;
        _votesReceived = 1;
        _voters.Clear();
        ArmElectionTimer();
        BroadcastVoteRequests();
    }

    private void BecomeLeader()
    {
        CurrentStateName = "Leader";
        Become(() =>
        {
            On<ClientRequest>(AppendClientRequest);
            On<VoteRequest>(request =>
            {
                if (AdoptHigherTerm(request.Term))
                {
                    RedirectLastClientRequest();
                    Vote(request);
                    Raise(BecomeFollower);
                }
                else
                {
                    Vote(request);
                }
            });
            On<VoteResponse>(response =>
            {
                if (AdoptHigherTerm(response.Term))
                {
                    RedirectLastClientRequest();
                    Raise(BecomeFollower);
                }
            });
            On<AppendEntriesRequest>(request =>
            {
                if (AdoptHigherTerm(request.Term))
                {
                    RedirectLastClientRequest();
                    AppendEntries(request);
                    Raise(BecomeFollower);
                }
            });
            On<AppendEntriesResponse>(OnAppendEntriesResponse);
            On<ShutDown>(_ => ShutDown());
            Receive<ElectionTimeout>(_ => { });
            Receive<PeriodicTimeout>(_ => { });
        });

        // Told within this step, as the original notifies its monitor synchronously.
        Context.System.EventStream.Publish(new LeaderElected(_currentTerm, Self.Path.Name));
        _clusterManager.Tell(new NotifyLeaderUpdate(Self, _currentTerm));

        var logIndex = _log.Count;
        var logTerm = TermAt(logIndex);
        _nextIndex.Clear();
        _matchIndex.Clear();
        foreach (var peer in Peers())
        {
            _nextIndex[peer] = logIndex + 1;
            _matchIndex[peer] = 0;
        }

        foreach (var peer in Peers())
        {
            peer.Tell(new AppendEntriesRequest(_currentTerm, Self, logIndex, logTerm, [], _commitIndex, null));
        }
    }

    /// <summary>A handler of the current role; a role it raised is taken once it has run to its end.</summary>
    private void On<T>(Action<T> handle) => Receive<T>(message =>
    {
        handle(message);
        if (_raised is { } next)
        {
            _raised = null;
            next();
        }
    });

    private void Raise(Action role)
    {
        if (_raised is not null)
        {
            throw new InvalidOperationException($"{Self.Path.Name} raised two role changes in one handler");
        }

        _raised = role;
    }

    /// <summary>A later term seen in any message: take it and forget this term's vote. True if it was later.</summary>
    private bool AdoptHigherTerm(int term)
    {
        if (term <= _currentTerm)
        {
            return false;
        }

        _currentTerm = term;
        _votedFor = null;
        return true;
    }

    private void OnElectionTimeout()
    {
        if (_random.NextBool())
        {
            Raise(BecomeCandidate);
        }
    }

    private void ArmElectionTimer()
    {
        if (!Timers.IsTimerActive(ElectionTimer))
        {
            var span = (int)(ElectionTimeoutMax - ElectionTimeoutMin).TotalMilliseconds;
            Timers.StartSingleTimer(ElectionTimer, new ElectionTimeout(), ElectionTimeoutMin + TimeSpan.FromMilliseconds(_random.Next(span)));
        }
    }

    private void ArmPeriodicTimer()
    {
        if (!Timers.IsTimerActive(PeriodicTimer))
        {
            Timers.StartSingleTimer(PeriodicTimer, new PeriodicTimeout(), Period);
        }
    }

    private IEnumerable<IActorRef> Peers() => _servers.Where((_, index) => index != _id);

    private void BroadcastVoteRequests()
    {
        // The candidate asks again each period, in the same term: a follower that already voted for
        // it grants its vote again, which the buggy candidate counts as another vote.
        ArmPeriodicTimer();
        foreach (var peer in Peers())
        {
            var lastLogIndex = _log.Count;
            peer.Tell(new VoteRequest(_currentTerm, Self, lastLogIndex, TermAt(lastLogIndex)));
        }
    }

    private void CountVote(VoteResponse response)
    {
        if (AdoptHigherTerm(response.Term))
        {
            Raise(BecomeFollower);
        }
        else if (response.Term != _currentTerm)
        {
            return;
        }

        if (!response.VoteGranted)
        {
            return;
        }

        // The fix: a voter that grants its vote again (to a repeated request) is not counted again.
        if (_countsEachVoterOnce && !_voters.Add(response.Voter))
        {
            return;
        }

        _votesReceived++;
        if (_votesReceived >= Majority)
        {
            _votesReceived = 0;
            Raise(BecomeLeader);
        }
    }

    private void RedirectClientRequest(ClientRequest request)
    {
        if (_leader is not null)
        {
            _leader.Tell(request);
        }
        else
        {
            _clusterManager.Tell(new RedirectRequest(request));
        }
    }

    private void RedirectLastClientRequest()
    {
        if (_lastClientRequest is not null)
        {
            _clusterManager.Tell(_lastClientRequest);
        }
    }

    private void AppendClientRequest(ClientRequest request)
    {
        _lastClientRequest = request;
        _log.Add(new LogEntry(_currentTerm, request.Command));

        var lastLogIndex = _log.Count;
        _votesReceived = 1;
        foreach (var peer in Peers())
        {
            if (lastLogIndex < _nextIndex[peer])
            {
                continue;
            }

            SendEntriesFrom(peer, request.Client);
        }
    }

    /// <summary>What the follower lacks from its next index on, after the entry before it.</summary>
    private void SendEntriesFrom(IActorRef peer, IActorRef? client)
    {
        var next = _nextIndex[peer];
        var entries = _log.GetRange(next - 1, _log.Count - (next - 1));
        peer.Tell(new AppendEntriesRequest(_currentTerm, Self, next - 1, TermAt(next - 1), entries, _commitIndex, client));
    }

    private void OnAppendEntriesResponse(AppendEntriesResponse response)
    {
        if (AdoptHigherTerm(response.Term))
        {
            RedirectLastClientRequest();
            Raise(BecomeFollower);
        }
        else if (response.Term != _currentTerm)
        {
            return;
        }

        if (response.Success)
        {
            _nextIndex[response.Server] = _log.Count + 1;
            _matchIndex[response.Server] = _log.Count;

            _votesReceived++;
            if (response.Client is not null && _votesReceived >= Majority)
            {
                var commitIndex = _matchIndex[response.Server];
                if (commitIndex > _commitIndex && _log[commitIndex - 1].Term == _currentTerm)
                {
                    _commitIndex = commitIndex;
                }

                _votesReceived = 0;
                _lastClientRequest = null;
                response.Client.Tell(new ClientResponse());
            }
        }
        else
        {
            if (_nextIndex[response.Server] > 1)
            {
                _nextIndex[response.Server]--;
            }

            SendEntriesFrom(response.Server, response.Client);
        }
    }

    /// <summary>Grants the vote if the request is of this term, no other candidate has it, and the candidate's log is not behind.</summary>
    private void Vote(VoteRequest request)
    {
        var lastLogIndex = _log.Count;
        var lastLogTerm = TermAt(lastLogIndex);
        var refuse = request.Term < _currentTerm
            || (_votedFor is not null && !_votedFor.Equals(request.Candidate))
            || lastLogIndex > request.LastLogIndex
            || lastLogTerm > request.LastLogTerm;
        if (!refuse)
        {
            _votedFor = request.Candidate;
            _leader = null;
        }

        request.Candidate.Tell(new VoteResponse(_currentTerm, !refuse, Self));
    }

    private void AppendEntries(AppendEntriesRequest request)
    {
        if (request.Term < _currentTerm
            || (request.PrevLogIndex > 0 && (_log.Count < request.PrevLogIndex || _log[request.PrevLogIndex - 1].Term != request.PrevLogTerm)))
        {
            request.Leader.Tell(new AppendEntriesResponse(_currentTerm, false, Self, request.Client));
            return;
        }

        var index = request.PrevLogIndex + 1;
        foreach (var entry in request.Entries)
        {
            if (_log.Count < index)
            {
                _log.Add(entry);
            }
            else if (_log[index - 1].Term != entry.Term)
            {
                _log.RemoveRange(index - 1, _log.Count - (index - 1));
                _log.Add(entry);
            }

            index++;
        }

        if (request.LeaderCommit > _commitIndex)
        {
            _commitIndex = Math.Min(request.LeaderCommit, _log.Count);
        }

        if (_commitIndex > _lastApplied)
        {
            _lastApplied++;
        }

        _leader = request.Leader;
        request.Leader.Tell(new AppendEntriesResponse(_currentTerm, true, Self, request.Client));
    }

    private int TermAt(int index) => index > 0 ? _log[index - 1].Term : 0;

    private void ShutDown() => Context.Stop(Self);
}
