using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Protocols.FailureDetector;

namespace ActorHyper.Exploration.Tests.Protocols;

/// <summary>The failure-detector program's bug, told by its replay: a pong of an earlier round reached the detector in a later one.</summary>
public sealed class FailureDetectorTests
{
    /// <summary>
    /// Rounds the detector has ended (each rest it starts its timer for), and the pongs that reached
    /// it after the round of the ping they answer had ended.
    /// </summary>
    private sealed class LatePongs : RunMonitor
    {
        private int _roundsEnded;

        public List<(string Node, int Round, int RoundsEnded)> Late { get; } = [];

        public override void OnRunStart()
        {
            _roundsEnded = 0;
            Late.Clear();
        }

        public override bool WantsDelivery(Type messageType) => messageType == typeof(StartTimer) || messageType == typeof(Pong);

        public override bool WantsEvent(Type eventType) => false;

        public override void OnDelivery(Delivery delivery)
        {
            switch (delivery.Message)
            {
                case StartTimer start when start.After == Detector.RestTimeout:
                    _roundsEnded++;
                    break;
                case Pong pong when pong.Round < _roundsEnded:
                    Late.Add((pong.Node.Path.Name, pong.Round, _roundsEnded));
                    break;
            }
        }
    }

    [Fact]
    public void A_node_kept_alive_by_a_late_pong_owes_a_fourth_ping()
    {
        var program = FailureDetectorProtocol.Program;
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 10_000, Seed = 1 }, program.Buggy, program.Monitors, program.Settings);
        var violation = Assert.Single(report.Violations);

        var late = new LatePongs();
        var replay = ActorExploration.Replay(violation, program.Buggy, () => [.. program.Monitors(), late], program.Settings);
        var failure = replay.Result.Failure;
        Assert.NotNull(failure);
        Assert.Equal(PingCountMonitor.Invariant, failure.Monitor);
        var node = failure.Reason.Split(' ')[0];
        Assert.Contains(late.Late, l => l.Node == node);
    }
}
