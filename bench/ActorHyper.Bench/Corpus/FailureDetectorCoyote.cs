// The failure-detector program of the corpus against Coyote's own actor API, for the bench: Coyote's
// sample Samples/Monitors (docs/samples/actors/failure-detector.md; MIT licence, Copyright (c)
// Microsoft Corporation), written anew with the same choices as the Akka.NET port
// (tests/ActorHyper.Protocols/FailureDetector): pings carry their round, the detector is made with its
// client. The timer is Coyote's kind of model timer, as the original's: it fires whenever the tester
// lets it, and a cancel that meets it draws a coin; the durations are the original's all the same.
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Specifications;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace ActorHyper.Bench.Corpus;

public static class FailureDetectorCoyote
{
    private const int Nodes = 2;

    /// <summary>The test body with the planted bug (any pong counts in the round under way).</summary>
    public static void Buggy(IActorRuntime runtime) => Start(runtime, countsOnlyThisRoundsPongs: false);

    /// <summary>The test body with the fix (a pong counts only in the round of its ping).</summary>
    public static void Correct(IActorRuntime runtime) => Start(runtime, countsOnlyThisRoundsPongs: true);

    /// <summary>
    /// From docs/samples/actors/failure-detector.md: <c>coyote test ... --iterations 1000 -ms 200 -s prioritization -sv 10</c>
    /// (the prioritization strategy with 10 priority switches, 200 steps at most).
    /// </summary>
    public static string DocsStrategy => "prioritization:10";

    private static void Start(IActorRuntime runtime, bool countsOnlyThisRoundsPongs)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.RegisterMonitor<PingCountMonitor>();
        runtime.RegisterMonitor<FailuresDetectedMonitor>();
        runtime.CreateActor(typeof(Driver), new DriverSetup(countsOnlyThisRoundsPongs));
    }

    // ---- Events between actors.

    internal sealed class DriverSetup(bool countsOnlyThisRoundsPongs) : CoyoteEvent
    {
        public bool CountsOnlyThisRoundsPongs { get; } = countsOnlyThisRoundsPongs;
    }

    internal sealed class DetectorSetup(IReadOnlyList<ActorId> nodes, ActorId client, bool countsOnlyThisRoundsPongs) : CoyoteEvent
    {
        public IReadOnlyList<ActorId> Nodes { get; } = nodes;

        public ActorId Client { get; } = client;

        public bool CountsOnlyThisRoundsPongs { get; } = countsOnlyThisRoundsPongs;
    }

    internal sealed class TimerSetup(ActorId target) : CoyoteEvent
    {
        public ActorId Target { get; } = target;
    }

    internal sealed class Ping(ActorId detector, int round) : CoyoteEvent
    {
        public ActorId Detector { get; } = detector;

        public int Round { get; } = round;
    }

    internal sealed class Pong(ActorId node, int round) : CoyoteEvent
    {
        public ActorId Node { get; } = node;

        public int Round { get; } = round;
    }

    internal sealed class NodeFailed(ActorId node) : CoyoteEvent
    {
        public ActorId Node { get; } = node;
    }

    internal sealed class StartTimer(TimeSpan after) : CoyoteEvent
    {
        public TimeSpan After { get; } = after;
    }

    internal sealed class CancelTimer : CoyoteEvent;

    internal sealed class CancelSuccess : CoyoteEvent;

    internal sealed class CancelFailure : CoyoteEvent;

    internal sealed class Timeout : CoyoteEvent;

    // ---- What the actors tell the monitors.

    internal sealed class PingSent(ActorId node) : CoyoteMonitor.Event
    {
        public ActorId Node { get; } = node;
    }

    internal sealed class PongSent(ActorId node) : CoyoteMonitor.Event
    {
        public ActorId Node { get; } = node;
    }

    internal sealed class NodesStarted(IReadOnlyList<ActorId> nodes) : CoyoteMonitor.Event
    {
        public IReadOnlyList<ActorId> Nodes { get; } = nodes;
    }

    internal sealed class FailureReported(ActorId node) : CoyoteMonitor.Event
    {
        public ActorId Node { get; } = node;
    }

    // ---- The driver: makes the nodes and the detector, halts the nodes, passes failures to the monitor.

    [OnEventDoAction(typeof(NodeFailed), nameof(OnNodeFailed))]
    internal sealed class Driver : Actor
    {
        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            var setup = (DriverSetup)initialEvent;
            var nodes = new ActorId[Nodes];
            for (var i = 0; i < Nodes; i++)
            {
                nodes[i] = CreateActor(typeof(Node));
            }

            Monitor<FailuresDetectedMonitor>(new NodesStarted([.. nodes]));
            CreateActor(typeof(Detector), new DetectorSetup(nodes, Id, setup.CountsOnlyThisRoundsPongs));
            foreach (var node in nodes)
            {
                SendEvent(node, HaltEvent.Instance);
            }

            return Task.CompletedTask;
        }

        private void OnNodeFailed(CoyoteEvent e) => Monitor<FailuresDetectedMonitor>(new FailureReported(((NodeFailed)e).Node));
    }

    // ---- A node: answers pings with pongs of the same round.

    [OnEventDoAction(typeof(Ping), nameof(OnPing))]
    internal sealed class Node : Actor
    {
        private void OnPing(CoyoteEvent e)
        {
            var ping = (Ping)e;
            Monitor<PingCountMonitor>(new PongSent(Id));
            SendEvent(ping.Detector, new Pong(Id, ping.Round));
        }
    }

    // ---- The detector's model timer.

    internal sealed class DetectorTimer : StateMachine
    {
        private ActorId? _target;

        [Start]
        [OnEntry(nameof(OnInit))]
        private sealed class Init : State;

        [OnEventGotoState(typeof(StartTimer), typeof(Pending))]
        [OnEventDoAction(typeof(CancelTimer), nameof(RefuseCancel))]
        private sealed class Idle : State;

        [IgnoreEvents(typeof(StartTimer))]
        [OnEventGotoState(typeof(CancelTimer), typeof(Idle), nameof(OnCancel))]
        [OnEventGotoState(typeof(DefaultEvent), typeof(Idle), nameof(Fire))]
        private sealed class Pending : State;

        private void OnInit(CoyoteEvent e)
        {
            _target = ((TimerSetup)e).Target;
            RaiseGotoStateEvent<Idle>();
        }

        private void RefuseCancel() => SendEvent(_target!, new CancelFailure());

        private void Fire() => SendEvent(_target!, new Timeout());

        /// <summary>A cancel that meets the timeout: either it was in time, or the timeout fires as it fails.</summary>
        private void OnCancel()
        {
            if (RandomBoolean())
            {
                SendEvent(_target!, new CancelSuccess());
            }
            else
            {
                SendEvent(_target!, new CancelFailure());
                SendEvent(_target!, new Timeout());
            }
        }
    }

    // ---- The failure detector.

    internal sealed class Detector : StateMachine
    {
        private static readonly TimeSpan RoundTimeout = TimeSpan.FromMilliseconds(100);
        private static readonly TimeSpan RestTimeout = TimeSpan.FromMilliseconds(1000);

        private readonly HashSet<ActorId> _alive = [];
        private readonly HashSet<ActorId> _responses = [];
        private IReadOnlyList<ActorId> _nodes = [];
        private ActorId? _client;
        private ActorId? _timer;
        private bool _countsOnlyThisRoundsPongs;
        private int _attempts;
        private int _round;

        [Start]
        [OnEntry(nameof(OnInit))]
        private sealed class Init : State;

        [OnEntry(nameof(StartAttempt))]
        [OnEventDoAction(typeof(Pong), nameof(OnPong))]
        [OnEventDoAction(typeof(Timeout), nameof(OnTimeout))]
        [OnEventPushState(typeof(CancelRequested), typeof(WaitForCancelResponse))]
        [OnEventGotoState(typeof(RoundOver), typeof(Resting))]
        private sealed class SendPing : State;

        // Pushed on SendPing: the round-over it raises is not its own, so it pops and SendPing takes it.
        [OnEventDoAction(typeof(CancelSuccess), nameof(EndRound))]
        [OnEventDoAction(typeof(CancelFailure), nameof(BackToPinging))]
        [DeferEvents(typeof(Timeout), typeof(Pong))]
        private sealed class WaitForCancelResponse : State;

        [OnEntry(nameof(Rest))]
        [OnEventGotoState(typeof(Timeout), typeof(SendPing))]
        [IgnoreEvents(typeof(Pong))]
        private sealed class Resting : State;

        private sealed class CancelRequested : CoyoteEvent;

        private sealed class RoundOver : CoyoteEvent;

        private void OnInit(CoyoteEvent e)
        {
            var setup = (DetectorSetup)e;
            _nodes = setup.Nodes;
            _client = setup.Client;
            _countsOnlyThisRoundsPongs = setup.CountsOnlyThisRoundsPongs;
            _alive.UnionWith(_nodes);
            _timer = CreateActor(typeof(DetectorTimer), new TimerSetup(Id));
            RaiseGotoStateEvent<SendPing>();
        }

        private void StartAttempt()
        {
            foreach (var node in _nodes)
            {
                if (_alive.Contains(node) && !_responses.Contains(node))
                {
                    Monitor<PingCountMonitor>(new PingSent(node));
                    SendEvent(node, new Ping(Id, _round));
                }
            }

            SendEvent(_timer!, new StartTimer(RoundTimeout));
        }

        private void OnPong(CoyoteEvent e)
        {
            var pong = (Pong)e;
            // VARIANT (planted): a pong of an earlier round counts as an answer in this one.
            if (!_alive.Contains(pong.Node) || (_countsOnlyThisRoundsPongs && pong.Round != _round))
            {
                return;
            }

            _responses.Add(pong.Node);
            if (_responses.Count == _alive.Count)
            {
                SendEvent(_timer!, new CancelTimer());
                RaiseEvent(new CancelRequested());
            }
        }

        private void OnTimeout()
        {
            _attempts++;
            if (_responses.Count < _alive.Count && _attempts < 2)
            {
                RaiseGotoStateEvent<SendPing>();
                return;
            }

            foreach (var node in _nodes)
            {
                if (_alive.Contains(node) && !_responses.Contains(node))
                {
                    _alive.Remove(node);
                    SendEvent(_client!, new NodeFailed(node));
                }
            }

            RaiseGotoStateEvent<Resting>();
        }

        private void EndRound() => RaiseEvent(new RoundOver());

        private void BackToPinging() => RaisePopStateEvent();

        private void Rest()
        {
            _attempts = 0;
            _responses.Clear();
            _round++;
            SendEvent(_timer!, new StartTimer(RestTimeout));
        }
    }

    // ---- The monitors.

    /// <summary>Each node's pings less its pongs stay at most three, and never below zero.</summary>
    internal sealed class PingCountMonitor : CoyoteMonitor
    {
        private readonly Dictionary<ActorId, int> _pending = [];

        [Start]
        [OnEventDoAction(typeof(PingSent), nameof(OnPing))]
        [OnEventDoAction(typeof(PongSent), nameof(OnPong))]
        private sealed class Counting : State;

        private void OnPing(Event e)
        {
            var node = ((PingSent)e).Node;
            _pending[node] = _pending.GetValueOrDefault(node) + 1;
            Assert(_pending[node] <= 3, $"{node} owes more than 3 pongs");
        }

        private void OnPong(Event e)
        {
            var node = ((PongSent)e).Node;
            Assert(_pending.GetValueOrDefault(node) > 0, $"{node} answers a ping it was never sent");
            _pending[node]--;
        }
    }

    /// <summary>Hot until the failure of every node has been reported to the driver.</summary>
    internal sealed class FailuresDetectedMonitor : CoyoteMonitor
    {
        private readonly HashSet<ActorId> _undetected = [];

        [Start]
        [Cold]
        [OnEventGotoState(typeof(NodesStarted), typeof(Waiting), nameof(OnStarted))]
        private sealed class Idle : State;

        [Hot]
        [OnEventDoAction(typeof(FailureReported), nameof(OnReported))]
        private sealed class Waiting : State;

        [Cold]
        [IgnoreEvents(typeof(FailureReported))]
        private sealed class AllDetected : State;

        private void OnStarted(Event e) => _undetected.UnionWith(((NodesStarted)e).Nodes);

        private void OnReported(Event e)
        {
            _undetected.Remove(((FailureReported)e).Node);
            if (_undetected.Count == 0)
            {
                RaiseGotoStateEvent<AllDetected>();
            }
        }
    }
}
