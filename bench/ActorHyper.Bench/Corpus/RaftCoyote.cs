// The raft program of the corpus (tests/ActorHyper.Protocols/Raft) against Coyote's actor API, for the bench.
// Ported from Tests/Tests.Actors.BugFinding/Integration/RaftTests.cs of microsoft/coyote (MIT licence,
// Copyright (c) Microsoft Corporation): the same protocol, bug and property, written anew.
//
// The servers are state machines whose role changes are raised (taken when the handler ends); each
// server's election and periodic timers are small machines, as in the original: armed, they tick once
// and then deliver their timeout or not on a coin, and arming an armed timer does nothing. The Akka.NET
// version has the same timers as real actor timers instead (Coyote's test scheduler has no clock).
using Microsoft.Coyote.Actors;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;
using MonitorEvent = Microsoft.Coyote.Specifications.Monitor.Event;

namespace ActorHyper.Bench.Corpus;

public static class RaftCoyote
{
    private const int Servers = 5;
    private const int Requests = 3;

    /// <summary>A candidate counts every granted vote, so a follower that grants again to a repeated request counts twice.</summary>
    public static void Buggy(IActorRuntime runtime) => Start(runtime, countsEachVoterOnce: false);

    /// <summary>A candidate counts each voter once.</summary>
    public static void Correct(IActorRuntime runtime) => Start(runtime, countsEachVoterOnce: true);

    /// <summary>
    /// RaftTests.TestMultipleLeadersInRaftProtocol runs with BaseTest.GetConfiguration, which leaves Coyote's
    /// default exploration strategy (random; Source/Core/Configuration.cs), seed 3, 100 unfair and 1,000 fair steps.
    /// </summary>
    public static string DocsStrategy => "random";

    private static void Start(IActorRuntime runtime, bool countsEachVoterOnce)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.RegisterMonitor<OneLeaderPerTerm>();
        runtime.CreateActor(typeof(Manager), new ManagerSetup(countsEachVoterOnce));
    }

    internal sealed record LogEntry(int Term, int Command);

    internal sealed class ManagerSetup(bool countsEachVoterOnce) : CoyoteEvent
    {
        public bool CountsEachVoterOnce { get; } = countsEachVoterOnce;
    }

    internal sealed class ConfigureServer(int id, ActorId[] servers, ActorId manager, bool countsEachVoterOnce) : CoyoteEvent
    {
        public int Id { get; } = id;

        public ActorId[] Servers { get; } = servers;

        public ActorId Manager { get; } = manager;

        public bool CountsEachVoterOnce { get; } = countsEachVoterOnce;
    }

    internal sealed class ConfigureClient(ActorId cluster) : CoyoteEvent
    {
        public ActorId Cluster { get; } = cluster;
    }

    internal sealed class VoteRequest(int term, ActorId candidate, int lastLogIndex, int lastLogTerm) : CoyoteEvent
    {
        public int Term { get; } = term;

        public ActorId Candidate { get; } = candidate;

        public int LastLogIndex { get; } = lastLogIndex;

        public int LastLogTerm { get; } = lastLogTerm;
    }

    internal sealed class VoteResponse(int term, bool granted, ActorId voter) : CoyoteEvent
    {
        public int Term { get; } = term;

        public bool Granted { get; } = granted;

        public ActorId Voter { get; } = voter;
    }

    internal sealed class AppendRequest(int term, ActorId leader, int prevLogIndex, int prevLogTerm, IReadOnlyList<LogEntry> entries,
        int leaderCommit, ActorId? client) : CoyoteEvent
    {
        public int Term { get; } = term;

        public ActorId Leader { get; } = leader;

        public int PrevLogIndex { get; } = prevLogIndex;

        public int PrevLogTerm { get; } = prevLogTerm;

        public IReadOnlyList<LogEntry> Entries { get; } = entries;

        public int LeaderCommit { get; } = leaderCommit;

        public ActorId? Client { get; } = client;
    }

    internal sealed class AppendResponse(int term, bool success, ActorId server, ActorId? client) : CoyoteEvent
    {
        public int Term { get; } = term;

        public bool Success { get; } = success;

        public ActorId Server { get; } = server;

        public ActorId? Client { get; } = client;
    }

    internal sealed class ClientRequest(ActorId client, int command) : CoyoteEvent
    {
        public ActorId Client { get; } = client;

        public int Command { get; } = command;
    }

    internal sealed class ClientResponse : CoyoteEvent
    {
    }

    internal sealed class LeaderUpdate(ActorId leader, int term) : CoyoteEvent
    {
        public ActorId Leader { get; } = leader;

        public int Term { get; } = term;
    }

    internal sealed class Redirect(ClientRequest request) : CoyoteEvent
    {
        public ClientRequest Request { get; } = request;
    }

    internal sealed class ShutDown : CoyoteEvent
    {
    }

    internal sealed class TimerSetup(ActorId owner, bool periodic) : CoyoteEvent
    {
        public ActorId Owner { get; } = owner;

        public bool Periodic { get; } = periodic;
    }

    internal sealed class ArmTimer : CoyoteEvent
    {
    }

    internal sealed class TimerTick : CoyoteEvent
    {
    }

    internal sealed class ElectionTimeout : CoyoteEvent
    {
    }

    internal sealed class PeriodicTimeout : CoyoteEvent
    {
    }

    internal sealed class LeaderElected(int term, ActorId server) : MonitorEvent
    {
        public int Term { get; } = term;

        public ActorId Server { get; } = server;
    }

    /// <summary>Election safety: one leader per term at most.</summary>
    internal sealed class OneLeaderPerTerm : CoyoteMonitor
    {
        private readonly Dictionary<int, ActorId> _leaders = [];

        [Start]
        [OnEventDoAction(typeof(LeaderElected), nameof(OnElected))]
        private sealed class Watching : State
        {
        }

        private void OnElected(MonitorEvent e)
        {
            var elected = (LeaderElected)e;
            if (!_leaders.TryAdd(elected.Term, elected.Server))
            {
                Assert(false, $"{elected.Server} was elected leader of term {elected.Term}, which {_leaders[elected.Term]} already leads");
            }
        }
    }

    /// <summary>A timer as the original models one: armed, it ticks once, delivers its timeout on a coin, and is idle again.</summary>
    internal sealed class CoinTimer : StateMachine
    {
        private ActorId _owner = null!;
        private bool _periodic;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var setup = (TimerSetup)initialEvent;
            _owner = setup.Owner;
            _periodic = setup.Periodic;
            return Task.CompletedTask;
        }

        [Start]
        [OnEventGotoState(typeof(ArmTimer), typeof(Armed))]
        private sealed class Idle : State
        {
        }

        [OnEntry(nameof(OnArmed))]
        [OnEventDoAction(typeof(TimerTick), nameof(OnTick))]
        [IgnoreEvents(typeof(ArmTimer))]
        private sealed class Armed : State
        {
        }

        private void OnArmed() => SendEvent(Id, new TimerTick());

        private void OnTick()
        {
            if (RandomBoolean())
            {
                SendEvent(_owner, _periodic ? new PeriodicTimeout() : new ElectionTimeout());
            }

            RaiseGotoStateEvent<Idle>();
        }
    }

    internal sealed class Manager : StateMachine
    {
        private readonly ActorId[] _servers = new ActorId[Servers];
        private ActorId _leader = null!;
        private int _leaderTerm;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var fixedServers = ((ManagerSetup)initialEvent).CountsEachVoterOnce;
            for (var i = 0; i < Servers; i++)
            {
                _servers[i] = CreateActor(typeof(Server));
            }

            var client = CreateActor(typeof(Client));
            for (var i = 0; i < Servers; i++)
            {
                SendEvent(_servers[i], new ConfigureServer(i, _servers, Id, fixedServers));
            }

            SendEvent(client, new ConfigureClient(Id));
            return Task.CompletedTask;
        }

        [Start]
        [OnEventDoAction(typeof(LeaderUpdate), nameof(OnFirstLeader))]
        [OnEventDoAction(typeof(ShutDown), nameof(OnShutDown))]
        [DeferEvents(typeof(ClientRequest))]
        private sealed class Unavailable : State
        {
        }

        [OnEventDoAction(typeof(ClientRequest), nameof(OnClientRequest))]
        [OnEventDoAction(typeof(Redirect), nameof(OnRedirect))]
        [OnEventDoAction(typeof(LeaderUpdate), nameof(OnLeaderUpdate))]
        [OnEventDoAction(typeof(ShutDown), nameof(OnShutDown))]
        private sealed class Available : State
        {
        }

        private void OnFirstLeader(CoyoteEvent e)
        {
            OnLeaderUpdate(e);
            RaiseGotoStateEvent<Available>();
        }

        private void OnLeaderUpdate(CoyoteEvent e)
        {
            var update = (LeaderUpdate)e;
            if (_leaderTerm < update.Term)
            {
                _leader = update.Leader;
                _leaderTerm = update.Term;
            }
        }

        private void OnClientRequest(CoyoteEvent e) => SendEvent(_leader, e);

        private void OnRedirect(CoyoteEvent e) => SendEvent(Id, ((Redirect)e).Request);

        private void OnShutDown()
        {
            foreach (var server in _servers)
            {
                SendEvent(server, new ShutDown());
            }

            RaiseHaltEvent();
        }
    }

    internal sealed class Client : StateMachine
    {
        private ActorId _cluster = null!;
        private int _sent;

        [Start]
        [OnEventDoAction(typeof(ConfigureClient), nameof(OnConfigure))]
        private sealed class Init : State
        {
        }

        [OnEntry(nameof(SendRequest))]
        [OnEventDoAction(typeof(ClientResponse), nameof(OnResponse))]
        private sealed class Pumping : State
        {
        }

        private void OnConfigure(CoyoteEvent e)
        {
            _cluster = ((ConfigureClient)e).Cluster;
            RaiseGotoStateEvent<Pumping>();
        }

        private void SendRequest()
        {
            _sent++;
            SendEvent(_cluster, new ClientRequest(Id, RandomInteger(100)));
        }

        private void OnResponse()
        {
            if (_sent == Requests)
            {
                SendEvent(_cluster, new ShutDown());
                RaiseHaltEvent();
            }
            else
            {
                RaiseGotoStateEvent<Pumping>();
            }
        }
    }

    internal sealed class Server : StateMachine
    {
        private readonly List<LogEntry> _log = [];
        private readonly Dictionary<ActorId, int> _nextIndex = [];
        private readonly Dictionary<ActorId, int> _matchIndex = [];
        private readonly HashSet<ActorId> _voters = [];
        private bool _countsEachVoterOnce;
        private int _index;
        private ActorId[] _servers = [];
        private ActorId _manager = null!;
        private ActorId _electionTimer = null!;
        private ActorId _periodicTimer = null!;
        private ActorId? _leader;
        private int _currentTerm;
        private ActorId? _votedFor;
        private int _commitIndex;
        private int _lastApplied;
        private int _votesReceived;
        private ClientRequest? _lastClientRequest;

        private int Majority => (_servers.Length / 2) + 1;

        private IEnumerable<ActorId> Peers => _servers.Where((_, i) => i != _index);

        [Start]
        [OnEventDoAction(typeof(ConfigureServer), nameof(OnConfigure))]
        [DeferEvents(typeof(VoteRequest), typeof(AppendRequest))]
        private sealed class Init : State
        {
        }

        [OnEntry(nameof(OnFollower))]
        [OnEventDoAction(typeof(ClientRequest), nameof(RedirectClientRequest))]
        [OnEventDoAction(typeof(VoteRequest), nameof(VoteAsFollower))]
        [OnEventDoAction(typeof(VoteResponse), nameof(AdoptTermOf))]
        [OnEventDoAction(typeof(AppendRequest), nameof(AppendAsFollower))]
        [OnEventDoAction(typeof(AppendResponse), nameof(AdoptTermOf))]
        [OnEventDoAction(typeof(ElectionTimeout), nameof(StandForElection))]
        [OnEventDoAction(typeof(ShutDown), nameof(OnShutDown))]
        [IgnoreEvents(typeof(PeriodicTimeout))]
        private sealed class Follower : State
        {
        }

        [OnEntry(nameof(OnCandidate))]
        [OnEventDoAction(typeof(ClientRequest), nameof(RedirectClientRequest))]
        [OnEventDoAction(typeof(VoteRequest), nameof(VoteAsCandidate))]
        [OnEventDoAction(typeof(VoteResponse), nameof(CountVote))]
        [OnEventDoAction(typeof(AppendRequest), nameof(AppendAsCandidate))]
        [OnEventDoAction(typeof(AppendResponse), nameof(StepDownOnLaterTerm))]
        [OnEventDoAction(typeof(ElectionTimeout), nameof(StandForElection))]
        [OnEventDoAction(typeof(PeriodicTimeout), nameof(AskForVotes))]
        [OnEventDoAction(typeof(ShutDown), nameof(OnShutDown))]
        private sealed class Candidate : State
        {
        }

        [OnEntry(nameof(OnLeader))]
        [OnEventDoAction(typeof(ClientRequest), nameof(AppendClientRequest))]
        [OnEventDoAction(typeof(VoteRequest), nameof(VoteAsLeader))]
        [OnEventDoAction(typeof(VoteResponse), nameof(StepDownAsLeader))]
        [OnEventDoAction(typeof(AppendRequest), nameof(AppendAsLeader))]
        [OnEventDoAction(typeof(AppendResponse), nameof(OnAppendResponse))]
        [OnEventDoAction(typeof(ShutDown), nameof(OnShutDown))]
        [IgnoreEvents(typeof(ElectionTimeout), typeof(PeriodicTimeout))]
        private sealed class Leader : State
        {
        }

        private void OnConfigure(CoyoteEvent e)
        {
            var configure = (ConfigureServer)e;
            _index = configure.Id;
            _servers = configure.Servers;
            _manager = configure.Manager;
            _countsEachVoterOnce = configure.CountsEachVoterOnce;
            _electionTimer = CreateActor(typeof(CoinTimer), new TimerSetup(Id, periodic: false));
            _periodicTimer = CreateActor(typeof(CoinTimer), new TimerSetup(Id, periodic: true));
            RaiseGotoStateEvent<Follower>();
        }

        private void OnFollower()
        {
            _leader = null;
            _votesReceived = 0;
            SendEvent(_electionTimer, new ArmTimer());
        }

        private void OnCandidate()
        {
            _currentTerm++;
            _votedFor = Id;
            _votesReceived = 1;
            _voters.Clear();
            SendEvent(_electionTimer, new ArmTimer());
            AskForVotes();
        }

        private void OnLeader()
        {
            Monitor<OneLeaderPerTerm>(new LeaderElected(_currentTerm, Id));
            SendEvent(_manager, new LeaderUpdate(Id, _currentTerm));
            var logIndex = _log.Count;
            var logTerm = TermAt(logIndex);
            _nextIndex.Clear();
            _matchIndex.Clear();
            foreach (var peer in Peers)
            {
                _nextIndex[peer] = logIndex + 1;
                _matchIndex[peer] = 0;
            }

            foreach (var peer in Peers)
            {
                SendEvent(peer, new AppendRequest(_currentTerm, Id, logIndex, logTerm, [], _commitIndex, null));
            }
        }

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

        private void AdoptTermOf(CoyoteEvent e) => AdoptHigherTerm(e is VoteResponse vote ? vote.Term : ((AppendResponse)e).Term);

        private void StandForElection() => RaiseGotoStateEvent<Candidate>();

        private void AskForVotes()
        {
            // Asked again each period within the term: a follower grants again to the candidate it voted for.
            SendEvent(_periodicTimer, new ArmTimer());
            foreach (var peer in Peers)
            {
                SendEvent(peer, new VoteRequest(_currentTerm, Id, _log.Count, TermAt(_log.Count)));
            }
        }

        private void VoteAsFollower(CoyoteEvent e)
        {
            var request = (VoteRequest)e;
            AdoptHigherTerm(request.Term);
            Vote(request);
        }

        private void VoteAsCandidate(CoyoteEvent e)
        {
            var request = (VoteRequest)e;
            var later = AdoptHigherTerm(request.Term);
            Vote(request);
            if (later)
            {
                RaiseGotoStateEvent<Follower>();
            }
        }

        private void VoteAsLeader(CoyoteEvent e)
        {
            var request = (VoteRequest)e;
            var later = AdoptHigherTerm(request.Term);
            if (later)
            {
                RedirectLastClientRequest();
            }

            Vote(request);
            if (later)
            {
                RaiseGotoStateEvent<Follower>();
            }
        }

        private void CountVote(CoyoteEvent e)
        {
            var response = (VoteResponse)e;
            if (AdoptHigherTerm(response.Term))
            {
                RaiseGotoStateEvent<Follower>();
            }
            else if (response.Term != _currentTerm)
            {
                return;
            }

            if (!response.Granted || (_countsEachVoterOnce && !_voters.Add(response.Voter)))
            {
                return;
            }

            if (++_votesReceived >= Majority)
            {
                _votesReceived = 0;
                RaiseGotoStateEvent<Leader>();
            }
        }

        private void StepDownAsLeader(CoyoteEvent e)
        {
            if (AdoptHigherTerm(((VoteResponse)e).Term))
            {
                RedirectLastClientRequest();
                RaiseGotoStateEvent<Follower>();
            }
        }

        private void StepDownOnLaterTerm(CoyoteEvent e)
        {
            if (AdoptHigherTerm(((AppendResponse)e).Term))
            {
                RaiseGotoStateEvent<Follower>();
            }
        }

        private void AppendAsFollower(CoyoteEvent e)
        {
            var request = (AppendRequest)e;
            AdoptHigherTerm(request.Term);
            Append(request);
        }

        private void AppendAsCandidate(CoyoteEvent e)
        {
            var request = (AppendRequest)e;
            var later = AdoptHigherTerm(request.Term);
            Append(request);
            if (later)
            {
                RaiseGotoStateEvent<Follower>();
            }
        }

        private void AppendAsLeader(CoyoteEvent e)
        {
            var request = (AppendRequest)e;
            if (AdoptHigherTerm(request.Term))
            {
                RedirectLastClientRequest();
                Append(request);
                RaiseGotoStateEvent<Follower>();
            }
        }

        private void RedirectClientRequest(CoyoteEvent e)
        {
            if (_leader is not null)
            {
                SendEvent(_leader, e);
            }
            else
            {
                SendEvent(_manager, new Redirect((ClientRequest)e));
            }
        }

        private void RedirectLastClientRequest()
        {
            if (_lastClientRequest is not null)
            {
                SendEvent(_manager, _lastClientRequest);
            }
        }

        private void AppendClientRequest(CoyoteEvent e)
        {
            var request = (ClientRequest)e;
            _lastClientRequest = request;
            _log.Add(new LogEntry(_currentTerm, request.Command));
            _votesReceived = 1;
            foreach (var peer in Peers)
            {
                if (_log.Count >= _nextIndex[peer])
                {
                    SendEntriesFrom(peer, request.Client);
                }
            }
        }

        private void SendEntriesFrom(ActorId peer, ActorId? client)
        {
            var next = _nextIndex[peer];
            var entries = _log.GetRange(next - 1, _log.Count - (next - 1));
            SendEvent(peer, new AppendRequest(_currentTerm, Id, next - 1, TermAt(next - 1), entries, _commitIndex, client));
        }

        private void OnAppendResponse(CoyoteEvent e)
        {
            var response = (AppendResponse)e;
            if (AdoptHigherTerm(response.Term))
            {
                RedirectLastClientRequest();
                RaiseGotoStateEvent<Follower>();
            }
            else if (response.Term != _currentTerm)
            {
                return;
            }

            if (response.Success)
            {
                _nextIndex[response.Server] = _log.Count + 1;
                _matchIndex[response.Server] = _log.Count;
                if (++_votesReceived >= Majority && response.Client is not null)
                {
                    var commitIndex = _matchIndex[response.Server];
                    if (commitIndex > _commitIndex && _log[commitIndex - 1].Term == _currentTerm)
                    {
                        _commitIndex = commitIndex;
                    }

                    _votesReceived = 0;
                    _lastClientRequest = null;
                    SendEvent(response.Client, new ClientResponse());
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

        private void Vote(VoteRequest request)
        {
            var lastLogIndex = _log.Count;
            var refuse = request.Term < _currentTerm
                || (_votedFor is not null && _votedFor != request.Candidate)
                || lastLogIndex > request.LastLogIndex
                || TermAt(lastLogIndex) > request.LastLogTerm;
            if (!refuse)
            {
                _votedFor = request.Candidate;
                _leader = null;
            }

            SendEvent(request.Candidate, new VoteResponse(_currentTerm, !refuse, Id));
        }

        private void Append(AppendRequest request)
        {
            if (request.Term < _currentTerm
                || (request.PrevLogIndex > 0 && (_log.Count < request.PrevLogIndex || _log[request.PrevLogIndex - 1].Term != request.PrevLogTerm)))
            {
                SendEvent(request.Leader, new AppendResponse(_currentTerm, false, Id, request.Client));
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
            SendEvent(request.Leader, new AppendResponse(_currentTerm, true, Id, request.Client));
        }

        private int TermAt(int index) => index > 0 ? _log[index - 1].Term : 0;

        private void OnShutDown()
        {
            SendEvent(_electionTimer, HaltEvent.Instance);
            SendEvent(_periodicTimer, HaltEvent.Instance);
            RaiseHaltEvent();
        }
    }
}
