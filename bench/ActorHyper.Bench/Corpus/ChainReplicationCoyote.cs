// The chain-replication program of the corpus against Coyote's own actor API, for the bench:
// Coyote's test Tests/Tests.Actors.BugFinding/Integration/ChainReplicationTests.cs (MIT licence,
// Copyright (c) Microsoft Corporation), written anew with the same choices as the Akka.NET port
// (tests/ActorHyper.Protocols/ChainReplication): monitors that keep copies, a tail that tells its
// history, no rewiring messages the original never sends. The failure detector's timeout is a
// random boolean, as in the original (it has no timer).
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Specifications;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace ActorHyper.Bench.Corpus;

public static class ChainReplicationCoyote
{
    private const int Servers = 3;

    /// <summary>The test body with the planted bug (the head takes back the number of its own forwarded update).</summary>
    public static void Buggy(IActorRuntime runtime) => Start(runtime, headKeepsItsNumbering: false);

    /// <summary>The test body with the fix (only a server that is not the head follows forwarded numbers).</summary>
    public static void Correct(IActorRuntime runtime) => Start(runtime, headKeepsItsNumbering: true);

    /// <summary>
    /// From the original test, TestSequenceNotSortedInChainReplicationProtocol:
    /// <c>WithPrioritizationStrategy(true, 1)</c>, <c>WithMaxSchedulingSteps(100)</c> (fair
    /// prioritization with one priority change, 100 unfair steps then random ones).
    /// </summary>
    public static string DocsStrategy => "fair-prioritization:1";

    private static void Start(IActorRuntime runtime, bool headKeepsItsNumbering)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.RegisterMonitor<UpdatePropagationMonitor>();
        runtime.RegisterMonitor<ResponseSequenceMonitor>();
        runtime.CreateActor(typeof(Environment), new EnvironmentSetup(headKeepsItsNumbering));
    }

    // ---- Events between actors.

    internal sealed class EnvironmentSetup(bool headKeepsItsNumbering) : CoyoteEvent
    {
        public bool HeadKeepsItsNumbering { get; } = headKeepsItsNumbering;
    }

    internal sealed class ServerSetup(bool isHead, bool isTail, bool headKeepsItsNumbering) : CoyoteEvent
    {
        public bool IsHead { get; } = isHead;

        public bool IsTail { get; } = isTail;

        public bool HeadKeepsItsNumbering { get; } = headKeepsItsNumbering;
    }

    internal sealed class Neighbours(ActorId predecessor, ActorId successor) : CoyoteEvent
    {
        public ActorId Predecessor { get; } = predecessor;

        public ActorId Successor { get; } = successor;
    }

    internal sealed class ClientSetup(ActorId head, ActorId tail, int startIn) : CoyoteEvent
    {
        public ActorId Head { get; } = head;

        public ActorId Tail { get; } = tail;

        public int StartIn { get; } = startIn;
    }

    internal sealed class MasterSetup(IReadOnlyList<ActorId> servers, IReadOnlyList<ActorId> clients) : CoyoteEvent
    {
        public IReadOnlyList<ActorId> Servers { get; } = servers;

        public IReadOnlyList<ActorId> Clients { get; } = clients;
    }

    internal sealed class DetectorSetup(ActorId master, IReadOnlyList<ActorId> servers) : CoyoteEvent
    {
        public ActorId Master { get; } = master;

        public IReadOnlyList<ActorId> Servers { get; } = servers;
    }

    internal sealed class Update(ActorId client, int key, int value) : CoyoteEvent
    {
        public ActorId Client { get; } = client;

        public int Key { get; } = key;

        public int Value { get; } = value;
    }

    internal sealed class Query(ActorId client, int key) : CoyoteEvent
    {
        public ActorId Client { get; } = client;

        public int Key { get; } = key;
    }

    internal sealed class UpdateDone : CoyoteEvent;

    internal sealed class QueryResult(int value) : CoyoteEvent
    {
        public int Value { get; } = value;
    }

    internal sealed class ForwardUpdate(ActorId predecessor, int seq, ActorId client, int key, int value) : CoyoteEvent
    {
        public ActorId Predecessor { get; } = predecessor;

        public int Seq { get; } = seq;

        public ActorId Client { get; } = client;

        public int Key { get; } = key;

        public int Value { get; } = value;
    }

    internal sealed class BackwardAck(int seq) : CoyoteEvent
    {
        public int Seq { get; } = seq;
    }

    internal sealed class BecomeHead(ActorId master) : CoyoteEvent
    {
        public ActorId Master { get; } = master;
    }

    internal sealed class HeadChanged : CoyoteEvent;

    internal sealed class BecomeTail(ActorId master) : CoyoteEvent
    {
        public ActorId Master { get; } = master;
    }

    internal sealed class TailChanged : CoyoteEvent;

    internal sealed class NewHeadTail(ActorId head, ActorId tail) : CoyoteEvent
    {
        public ActorId Head { get; } = head;

        public ActorId Tail { get; } = tail;
    }

    internal sealed class Ping(ActorId detector) : CoyoteEvent
    {
        public ActorId Detector { get; } = detector;
    }

    internal sealed class Pong : CoyoteEvent;

    internal sealed class InjectFailure : CoyoteEvent;

    internal sealed class FailureDetected(ActorId server) : CoyoteEvent
    {
        public ActorId Server { get; } = server;
    }

    internal sealed class FailureCorrected(IReadOnlyList<ActorId> servers) : CoyoteEvent
    {
        public IReadOnlyList<ActorId> Servers { get; } = servers;
    }

    // ---- What the actors tell the monitors (copies, never live lists).

    internal sealed class ChainChanged(IReadOnlyList<ActorId> servers) : CoyoteMonitor.Event
    {
        public IReadOnlyList<ActorId> Servers { get; } = servers;
    }

    internal sealed class HistoryReported(ActorId server, IReadOnlyList<int> history) : CoyoteMonitor.Event
    {
        public ActorId Server { get; } = server;

        public IReadOnlyList<int> History { get; } = history;
    }

    internal sealed class SentReported(ActorId server, IReadOnlyList<int> sent) : CoyoteMonitor.Event
    {
        public ActorId Server { get; } = server;

        public IReadOnlyList<int> Sent { get; } = sent;
    }

    internal sealed class UpdateAnswered(ActorId tail, int key, int value) : CoyoteMonitor.Event
    {
        public ActorId Tail { get; } = tail;

        public int Key { get; } = key;

        public int Value { get; } = value;
    }

    internal sealed class QueryAnswered(ActorId tail, int key, int value) : CoyoteMonitor.Event
    {
        public ActorId Tail { get; } = tail;

        public int Key { get; } = key;

        public int Value { get; } = value;
    }

    // ---- The environment: builds the chain, tells the monitors, starts the clients and the master.

    internal sealed class Environment : Actor
    {
        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var setup = (EnvironmentSetup)initialEvent;
            var servers = new ActorId[Servers];
            for (var i = 0; i < Servers; i++)
            {
                servers[i] = CreateActor(typeof(ChainServer), new ServerSetup(i == 0, i == Servers - 1, setup.HeadKeepsItsNumbering));
            }

            Monitor<UpdatePropagationMonitor>(new ChainChanged([.. servers]));
            Monitor<ResponseSequenceMonitor>(new ChainChanged([.. servers]));
            for (var i = 0; i < Servers; i++)
            {
                SendEvent(servers[i], new Neighbours(servers[Math.Max(i - 1, 0)], servers[Math.Min(i + 1, Servers - 1)]));
            }

            IReadOnlyList<ActorId> clients =
            [
                CreateActor(typeof(Client), new ClientSetup(servers[0], servers[^1], 1)),
                CreateActor(typeof(Client), new ClientSetup(servers[0], servers[^1], 100)),
            ];
            CreateActor(typeof(Master), new MasterSetup(servers, clients));
            RaiseHaltEvent();
            return Task.CompletedTask;
        }
    }

    // ---- A server of the chain.

    internal sealed class ChainServer : StateMachine
    {
        private readonly Dictionary<int, int> _store = [];
        private readonly List<int> _history = [];
        private readonly List<(int Seq, ActorId Client, int Key, int Value)> _sent = [];
        private bool _headKeepsItsNumbering;
        private bool _isHead;
        private bool _isTail;
        private ActorId? _predecessor;
        private ActorId? _successor;
        private int _nextSeq;

        [Start]
        [OnEntry(nameof(OnInit))]
        [OnEventGotoState(typeof(Neighbours), typeof(Serving), nameof(OnNeighbours))]
        [DeferEvents(typeof(Update), typeof(Query), typeof(ForwardUpdate), typeof(BackwardAck))]
        private sealed class Init : State;

        [OnEventDoAction(typeof(Update), nameof(OnUpdate))]
        [OnEventDoAction(typeof(ForwardUpdate), nameof(OnForward))]
        [OnEventDoAction(typeof(BackwardAck), nameof(OnAck))]
        [OnEventDoAction(typeof(Query), nameof(OnQuery))]
        [OnEventDoAction(typeof(BecomeHead), nameof(OnBecomeHead))]
        [OnEventDoAction(typeof(BecomeTail), nameof(OnBecomeTail))]
        [OnEventDoAction(typeof(Ping), nameof(OnPing))]
        private sealed class Serving : State;

        private void OnInit(CoyoteEvent e)
        {
            var setup = (ServerSetup)e;
            _isHead = setup.IsHead;
            _isTail = setup.IsTail;
            _headKeepsItsNumbering = setup.HeadKeepsItsNumbering;
        }

        private void OnNeighbours(CoyoteEvent e)
        {
            var neighbours = (Neighbours)e;
            _predecessor = neighbours.Predecessor;
            _successor = neighbours.Successor;
        }

        private void OnUpdate(CoyoteEvent e)
        {
            var update = (Update)e;
            _nextSeq++;
            Assert(_isHead, $"{Id} got a client's update but is not the head");
            _store[update.Key] = update.Value;
            Record(_nextSeq, update.Client, update.Key, update.Value);
        }

        private void OnForward(CoyoteEvent e)
        {
            var forward = (ForwardUpdate)e;
            if (!forward.Predecessor.Equals(_predecessor))
            {
                return;
            }

            // VARIANT (planted): the head, forwarded its own update (it is also the tail), takes its number back.
            if (!_isHead || !_headKeepsItsNumbering)
            {
                _nextSeq = forward.Seq;
            }

            _store[forward.Key] = forward.Value;
            if (!_isTail)
            {
                Record(forward.Seq, forward.Client, forward.Key, forward.Value);
                return;
            }

            if (!_isHead)
            {
                _history.Add(forward.Seq);
                Monitor<UpdatePropagationMonitor>(new HistoryReported(Id, [.. _history]));
            }

            Monitor<ResponseSequenceMonitor>(new UpdateAnswered(Id, forward.Key, forward.Value));
            SendEvent(forward.Client, new UpdateDone());
            SendEvent(_predecessor!, new BackwardAck(forward.Seq));
        }

        private void Record(int seq, ActorId client, int key, int value)
        {
            _history.Add(seq);
            Monitor<UpdatePropagationMonitor>(new HistoryReported(Id, [.. _history]));
            _sent.Add((seq, client, key, value));
            Monitor<UpdatePropagationMonitor>(new SentReported(Id, [.. _sent.Select(static s => s.Seq)]));
            SendEvent(_successor!, new ForwardUpdate(Id, seq, client, key, value));
        }

        private void OnAck(CoyoteEvent e)
        {
            var ack = (BackwardAck)e;
            var index = _sent.FindIndex(s => s.Seq == ack.Seq);
            if (index >= 0)
            {
                _sent.RemoveAt(index);
            }

            if (!_isHead)
            {
                SendEvent(_predecessor!, new BackwardAck(ack.Seq));
            }
        }

        private void OnQuery(CoyoteEvent e)
        {
            var query = (Query)e;
            Assert(_isTail, $"{Id} got a client's query but is not the tail");
            if (_store.TryGetValue(query.Key, out var value))
            {
                Monitor<ResponseSequenceMonitor>(new QueryAnswered(Id, query.Key, value));
                SendEvent(query.Client, new QueryResult(value));
            }
            else
            {
                SendEvent(query.Client, new QueryResult(-1));
            }
        }

        private void OnBecomeHead(CoyoteEvent e)
        {
            _isHead = true;
            _predecessor = Id;
            SendEvent(((BecomeHead)e).Master, new HeadChanged());
        }

        private void OnBecomeTail(CoyoteEvent e)
        {
            _isTail = true;
            _successor = Id;
            foreach (var sent in _sent)
            {
                Monitor<ResponseSequenceMonitor>(new UpdateAnswered(Id, sent.Key, sent.Value));
                SendEvent(sent.Client, new UpdateDone());
                SendEvent(_predecessor!, new BackwardAck(sent.Seq));
            }

            SendEvent(((BecomeTail)e).Master, new TailChanged());
        }

        private void OnPing(CoyoteEvent e) => SendEvent(((Ping)e).Detector, new Pong());
    }

    // ---- A client: three updates to the head, three queries to the tail, and it halts.

    internal sealed class Client : Actor
    {
        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var setup = (ClientSetup)initialEvent;
            for (var next = 1; next <= 3; next++)
            {
                SendEvent(setup.Head, new Update(Id, next * setup.StartIn, next * 100));
            }

            for (var next = 1; next <= 3; next++)
            {
                SendEvent(setup.Tail, new Query(Id, next * setup.StartIn));
            }

            RaiseHaltEvent();
            return Task.CompletedTask;
        }
    }

    // ---- The master: takes each reported server out of the chain.

    internal sealed class Master : StateMachine
    {
        private readonly List<ActorId> _servers = [];
        private IReadOnlyList<ActorId> _clients = [];
        private ActorId? _detector;
        private ActorId? _head;
        private ActorId? _tail;

        [Start]
        [OnEntry(nameof(OnInit))]
        private sealed class Init : State;

        [OnEventDoAction(typeof(FailureDetected), nameof(OnFailureDetected))]
        private sealed class WaitingForFailure : State;

        [OnEventGotoState(typeof(HeadChanged), typeof(WaitingForFailure), nameof(Corrected))]
        private sealed class CorrectingHead : State;

        [OnEventGotoState(typeof(TailChanged), typeof(WaitingForFailure), nameof(Corrected))]
        private sealed class CorrectingTail : State;

        private void OnInit(CoyoteEvent e)
        {
            var setup = (MasterSetup)e;
            _servers.AddRange(setup.Servers);
            _clients = setup.Clients;
            _head = _servers[0];
            _tail = _servers[^1];
            _detector = CreateActor(typeof(FailureDetector), new DetectorSetup(Id, [.. _servers]));
            RaiseGotoStateEvent<WaitingForFailure>();
        }

        private void OnFailureDetected(CoyoteEvent e)
        {
            var failed = ((FailureDetected)e).Server;
            Assert(_servers.Count > 1, "every server has failed");
            if (failed.Equals(_head))
            {
                _servers.RemoveAt(0);
                Announce();
                _head = _servers[0];
                SendEvent(_head, new BecomeHead(Id));
                RaiseGotoStateEvent<CorrectingHead>();
            }
            else if (failed.Equals(_tail))
            {
                _servers.RemoveAt(_servers.Count - 1);
                Announce();
                _tail = _servers[^1];
                SendEvent(_tail, new BecomeTail(Id));
                RaiseGotoStateEvent<CorrectingTail>();
            }
            else
            {
                _servers.Remove(failed);
                Announce();
                Corrected();
            }
        }

        private void Announce()
        {
            Monitor<UpdatePropagationMonitor>(new ChainChanged([.. _servers]));
            Monitor<ResponseSequenceMonitor>(new ChainChanged([.. _servers]));
        }

        private void Corrected()
        {
            foreach (var client in _clients)
            {
                SendEvent(client, new NewHeadTail(_head!, _tail!));
            }

            SendEvent(_detector!, new FailureCorrected([.. _servers]));
        }
    }

    // ---- The failure detector: 100 rounds, each a ping and a coin for a timeout.

    internal sealed class FailureDetector : StateMachine
    {
        private ActorId? _master;
        private IReadOnlyList<ActorId> _servers = [];
        private int _checked;
        private int _roundsLeft = 100;

        [Start]
        [OnEntry(nameof(OnInit))]
        [OnEventGotoState(typeof(Pong), typeof(Monitoring), nameof(Advance))]
        [OnEventGotoState(typeof(InjectFailure), typeof(HandlingFailure))]
        private sealed class Init : State;

        [OnEntry(nameof(StartRound))]
        [OnEventGotoState(typeof(Pong), typeof(Monitoring), nameof(Advance))]
        [OnEventGotoState(typeof(InjectFailure), typeof(HandlingFailure))]
        private sealed class Monitoring : State;

        [OnEntry(nameof(Report))]
        [OnEventGotoState(typeof(FailureCorrected), typeof(Monitoring), nameof(OnCorrected))]
        [IgnoreEvents(typeof(Pong), typeof(InjectFailure))]
        private sealed class HandlingFailure : State;

        private void OnInit(CoyoteEvent e)
        {
            var setup = (DetectorSetup)e;
            _master = setup.Master;
            _servers = setup.Servers;
            StartRound();
        }

        private void StartRound()
        {
            if (_roundsLeft < 1)
            {
                RaiseHaltEvent();
                return;
            }

            SendEvent(_servers[_checked], new Ping(Id));
            SendEvent(Id, _servers.Count > 1 && RandomBoolean() ? new InjectFailure() : new Pong());
            _roundsLeft--;
        }

        private void Advance() => _checked = (_checked + 1) % _servers.Count;

        private void Report() => SendEvent(_master!, new FailureDetected(_servers[_checked]));

        private void OnCorrected(CoyoteEvent e)
        {
            _checked = 0;
            _servers = ((FailureCorrected)e).Servers;
        }
    }

    // ---- The monitors.

    /// <summary>Histories sorted, each a prefix of its predecessor's, and each its successor's followed by its unacknowledged updates.</summary>
    internal sealed class UpdatePropagationMonitor : CoyoteMonitor
    {
        private readonly Dictionary<ActorId, IReadOnlyList<int>> _history = [];
        private readonly Dictionary<ActorId, IReadOnlyList<int>> _sent = [];
        private IReadOnlyList<ActorId> _servers = [];

        [Start]
        [OnEventDoAction(typeof(ChainChanged), nameof(OnChain))]
        [OnEventDoAction(typeof(HistoryReported), nameof(OnHistory))]
        [OnEventDoAction(typeof(SentReported), nameof(OnSent))]
        private sealed class Watching : State;

        private void OnChain(Event e) => _servers = ((ChainChanged)e).Servers;

        private void OnHistory(Event e)
        {
            var reported = (HistoryReported)e;
            Sorted(reported.History, $"the history of {reported.Server}");
            _history[reported.Server] = reported.History;
            if (Next(reported.Server) is { } next && _history.TryGetValue(next, out var nextHistory))
            {
                AtMost(nextHistory, reported.History);
            }

            if (Previous(reported.Server) is { } previous && _history.TryGetValue(previous, out var previousHistory))
            {
                AtMost(reported.History, previousHistory);
            }
        }

        private void OnSent(Event e)
        {
            var reported = (SentReported)e;
            var server = reported.Server;
            Sorted(reported.Sent, $"the sent list of {server}");
            _sent[server] = reported.Sent;
            if (Next(server) is { } next && _history.TryGetValue(next, out var nextHistory) && _history.TryGetValue(server, out var history))
            {
                Equal(history, Merge(nextHistory, reported.Sent));
            }

            if (Previous(server) is { } previous && _history.TryGetValue(previous, out var previousHistory)
                && _history.TryGetValue(server, out var own) && _sent.TryGetValue(previous, out var previousSent))
            {
                Equal(previousHistory, Merge(own, previousSent));
            }
        }

        private ActorId? Next(ActorId server)
        {
            var index = IndexOf(server);
            return index >= 0 && index + 1 < _servers.Count ? _servers[index + 1] : null;
        }

        private ActorId? Previous(ActorId server) => IndexOf(server) is > 0 and var index ? _servers[index - 1] : null;

        private int IndexOf(ActorId server)
        {
            for (var i = 0; i < _servers.Count; i++)
            {
                if (_servers[i].Equals(server))
                {
                    return i;
                }
            }

            return -1;
        }

        private static List<int> Merge(IReadOnlyList<int> successorHistory, IReadOnlyList<int> sent) =>
            sent.Count == 0 ? [.. successorHistory] : [.. successorHistory.Where(seq => seq < sent[0]), .. sent];

        private void Sorted(IReadOnlyList<int> seqs, string what)
        {
            for (var i = 0; i + 1 < seqs.Count; i++)
            {
                Assert(seqs[i] < seqs[i + 1], $"{what} is not sorted: [{string.Join(", ", seqs)}]");
            }
        }

        private void AtMost(IReadOnlyList<int> later, IReadOnlyList<int> earlier)
        {
            for (var i = 0; i < Math.Min(later.Count, earlier.Count); i++)
            {
                Assert(later[i] <= earlier[i], $"{later[i]} runs ahead of {earlier[i]}");
            }
        }

        private void Equal(IReadOnlyList<int> history, IReadOnlyList<int> merged)
        {
            Sorted(merged, "a successor's history and a sent list");
            for (var i = 0; i < Math.Min(history.Count, merged.Count); i++)
            {
                Assert(history[i] == merged[i], $"{history[i]} is not {merged[i]}");
            }
        }
    }

    /// <summary>A query the tail answers gets the value of the last update a tail answered for that key.</summary>
    internal sealed class ResponseSequenceMonitor : CoyoteMonitor
    {
        private readonly Dictionary<int, int> _lastUpdate = [];
        private IReadOnlyList<ActorId> _servers = [];

        [Start]
        [OnEventDoAction(typeof(ChainChanged), nameof(OnChain))]
        [OnEventDoAction(typeof(UpdateAnswered), nameof(OnUpdate))]
        [OnEventDoAction(typeof(QueryAnswered), nameof(OnQuery))]
        private sealed class Watching : State;

        private void OnChain(Event e) => _servers = ((ChainChanged)e).Servers;

        private void OnUpdate(Event e)
        {
            var update = (UpdateAnswered)e;
            if (_servers.Contains(update.Tail))
            {
                _lastUpdate[update.Key] = update.Value;
            }
        }

        private void OnQuery(Event e)
        {
            var query = (QueryAnswered)e;
            if (_servers.Contains(query.Tail))
            {
                Assert(_lastUpdate.TryGetValue(query.Key, out var last) && last == query.Value,
                    $"{query.Tail} answered key {query.Key} with {query.Value}, not the last update answered");
            }
        }
    }
}
