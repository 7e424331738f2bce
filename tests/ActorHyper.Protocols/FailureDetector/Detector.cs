using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>
/// The failure detector. Each round it pings every node still alive that has not answered yet and
/// starts its timer (100 ms); when every live node has answered it cancels the timer and, once the
/// timer says so, rests; on a timeout it pings the silent nodes once more, and after the second
/// timeout declares them failed and tells its clients. Between rounds it rests on a longer timer
/// (1 s). Its client, the driver, is given when it is made (see <see cref="Driver"/>).
/// </summary>
public sealed class Detector : ReceiveActor, IWithUnboundedStash, IStateName
{
    /// <summary>The original's timeout for the pongs of one attempt.</summary>
    public static readonly TimeSpan RoundTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The original's rest between rounds.</summary>
    public static readonly TimeSpan RestTimeout = TimeSpan.FromMilliseconds(1000);

    /// <summary>Attempts per round: a node silent after this many is declared failed.</summary>
    private const int AttemptsPerRound = 2;

    private readonly bool _countsOnlyThisRoundsPongs;
    private readonly IReadOnlyList<IActorRef> _nodes;
    private readonly IActorRef _client;
    private readonly HashSet<IActorRef> _alive;
    private readonly HashSet<IActorRef> _responses = [];
    private readonly IActorRef _timer;
    private int _attempts;
    private int _round;

    /// <param name="countsOnlyThisRoundsPongs">
    /// False: the planted bug, any pong of a live node counts as its answer in the round under way,
    /// though it may answer a ping of an earlier round (it came late, after a timeout); so a node that
    /// has since stopped is kept alive, and pinged again and again, by the pongs it sent before.
    /// True: the fix, a pong counts only in the round of the ping it answers.
    /// </param>
    public Detector(IReadOnlyList<IActorRef> nodes, IActorRef client, bool countsOnlyThisRoundsPongs)
    {
        _nodes = nodes;
        _client = client;
        _countsOnlyThisRoundsPongs = countsOnlyThisRoundsPongs;
        _alive = [.. nodes];
        var self = Self;
        _timer = Context.ActorOf(ProducedProps.Of(() => new DetectorTimer(self)), "timer");
        SendPing();
        StartAttempt();
    }

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName { get; private set; } = "";

    /// <summary>Pings every live node that has not answered this round, and starts the timer.</summary>
    private void StartAttempt()
    {
        foreach (var node in _nodes)
        {
            if (_alive.Contains(node) && !_responses.Contains(node))
            {
                Context.System.EventStream.Publish(new PingSent(node));
                node.Tell(new Ping(Self, _round));
            }
        }

        _timer.Tell(new StartTimer(RoundTimeout));
    }

    private void SendPing()
    {
        CurrentStateName = "SendPing";
        Receive<Pong>(pong =>
        {
            // VARIANT (planted): a pong of an earlier round counts as an answer in this one.
            if (!_alive.Contains(pong.Node) || (_countsOnlyThisRoundsPongs && pong.Round != _round))
            {
                return;
            }

            _responses.Add(pong.Node);
            if (_responses.Count == _alive.Count)
            {
                _timer.Tell(CancelTimer.Instance);
                Become(WaitForCancelResponse);
            }
        });
        Receive<Timeout>(_ =>
        {
            _attempts++;
            if (_responses.Count < _alive.Count && _attempts < AttemptsPerRound)
            {
                Become(SendPing);
                StartAttempt();
                return;
            }

            foreach (var node in _nodes)
            {
                if (_alive.Contains(node) && !_responses.Contains(node))
                {
                    _alive.Remove(node);
                    _client.Tell(new NodeFailed(node));
                }
            }

            Rest();
        });
    }

    /// <summary>Every live node has answered: the round is over once the timer says whether it was cancelled in time.</summary>
    private void WaitForCancelResponse()
    {
        CurrentStateName = "WaitForCancelResponse";
        Receive<CancelSuccess>(_ =>
        {
            Stash.UnstashAll();
            Rest();
        });
        // The timeout beat the cancel: it is on its way (or here, kept), and ends the round as a timeout does.
        Receive<CancelFailure>(_ =>
        {
            Stash.UnstashAll();
            Become(SendPing);
        });
        Receive<Timeout>(_ => Stash.Stash());
        Receive<Pong>(_ => Stash.Stash());
    }

    /// <summary>Between rounds: late pongs are dropped, and the rest timer starts the next round.</summary>
    private void Rest()
    {
        _attempts = 0;
        _responses.Clear();
        _round++;
        Become(Resting);
        _timer.Tell(new StartTimer(RestTimeout));
    }

    private void Resting()
    {
        CurrentStateName = "Resting";
        Receive<Timeout>(_ =>
        {
            Become(SendPing);
            StartAttempt();
        });
        Receive<Pong>(_ => { });
    }
}
