using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>
/// Checks the servers in turn, for a bounded number of rounds: each round pings the server checked
/// and then, as the original does in place of a timer, decides on a coin whether that server has
/// timed out (while more than one server is left). A timeout is reported to the master, which answers
/// with the corrected chain; any pong, the server's or its own, starts the next round.
/// </summary>
public sealed class FailureDetector : ReceiveActor, IStateName
{
    /// <summary>The original's bound on rounds: the detector stops after it.</summary>
    public const int Rounds = 100;

    private readonly IActorRef _master;
    private readonly DeterministicRandom _random;
    private IReadOnlyList<IActorRef> _servers;
    private int _checked;
    private int _roundsLeft = Rounds;

    public FailureDetector(IActorRef master, IReadOnlyList<IActorRef> servers)
    {
        _master = master;
        _servers = servers;
        _random = ActorRandom.For(Context.System).Of(Self);
        Monitoring();
        StartRound();
    }

    public string CurrentStateName { get; private set; } = "";

    private void Monitoring()
    {
        CurrentStateName = "Monitoring";
        Receive<Pong>(_ =>
        {
            _checked = (_checked + 1) % _servers.Count;
            StartRound();
        });
        Receive<InjectFailure>(_ =>
        {
            Become(HandlingFailure);
            _master.Tell(new FailureDetected(_servers[_checked]));
        });
    }

    private void HandlingFailure()
    {
        CurrentStateName = "HandlingFailure";
        Receive<FailureCorrected>(corrected =>
        {
            _checked = 0;
            _servers = corrected.Servers;
            Become(Monitoring);
            StartRound();
        });
        // Pongs of the round that timed out, and a second timeout, mean nothing now.
        Receive<Pong>(_ => { });
        Receive<InjectFailure>(_ => { });
    }

    private void StartRound()
    {
        if (_roundsLeft < 1)
        {
            Context.Stop(Self);
            return;
        }

        _servers[_checked].Tell(new Ping(Self));
        Self.Tell(_servers.Count > 1 && _random.NextBool() ? InjectFailure.Instance : Pong.Instance);
        _roundsLeft--;
    }
}
