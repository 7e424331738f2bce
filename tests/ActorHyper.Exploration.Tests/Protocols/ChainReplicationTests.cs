using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Protocols.ChainReplication;

namespace ActorHyper.Exploration.Tests.Protocols;

/// <summary>The chain-replication program's bug, told by its replay: the chain down to the first server, which forwards to itself and reuses a number.</summary>
public sealed class ChainReplicationTests
{
    /// <summary>The master's last chain, and the forwards a server took from itself.</summary>
    private sealed class Story : RunMonitor
    {
        public IReadOnlyList<string> Chain { get; private set; } = [];

        public List<(string Server, int Seq)> OwnForwards { get; } = [];

        public override void OnRunStart()
        {
            Chain = [];
            OwnForwards.Clear();
        }

        public override bool WantsDelivery(Type messageType) => messageType == typeof(ForwardUpdate);

        public override bool WantsEvent(Type eventType) => eventType == typeof(ChainChanged);

        public override void OnDelivery(Delivery delivery)
        {
            if (delivery.Message is ForwardUpdate forward && forward.Predecessor.Equals(delivery.ReceiverRef))
            {
                OwnForwards.Add((delivery.ReceiverRef.Path.Name, forward.Seq));
            }
        }

        public override void OnEvent(object published)
        {
            if (published is ChainChanged changed)
            {
                Chain = [.. changed.Servers.Select(static s => s.Path.Name)];
            }
        }
    }

    [Fact]
    public void The_last_server_left_takes_back_the_number_of_its_own_forward_and_numbers_an_update_twice()
    {
        var program = ChainReplicationProtocol.Program;
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 10_000, Seed = 1 }, program.Buggy, program.Monitors, program.Settings);
        var violation = Assert.Single(report.Violations);

        var story = new Story();
        var replay = ActorExploration.Replay(violation, program.Buggy, () => [.. program.Monitors(), story], program.Settings);
        var failure = replay.Result.Failure;
        Assert.NotNull(failure);
        Assert.Equal(UpdatePropagationMonitor.Invariant, failure.Monitor);
        Assert.StartsWith("the history of server-0 is not sorted", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(["server-0"], story.Chain);
        Assert.Contains(story.OwnForwards, f => f.Server == "server-0");
    }
}
