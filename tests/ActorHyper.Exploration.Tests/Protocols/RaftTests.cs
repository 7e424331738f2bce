using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Protocols.Raft;

namespace ActorHyper.Exploration.Tests.Protocols;

/// <summary>The raft program's bug, told by its replay: one of a term's two leaders counted one follower's vote twice.</summary>
public sealed class RaftTests
{
    /// <summary>Every granted vote of a run, by (candidate, voter, term).</summary>
    private sealed class Grants : RunMonitor
    {
        public Dictionary<(string Candidate, string Voter, int Term), int> Counted { get; } = [];

        public override void OnRunStart() => Counted.Clear();

        public override bool WantsDelivery(Type messageType) => messageType == typeof(VoteResponse);

        public override bool WantsEvent(Type eventType) => false;

        public override void OnDelivery(Delivery delivery)
        {
            if (delivery.Message is VoteResponse { VoteGranted: true } vote)
            {
                var key = (delivery.ReceiverRef.Path.Name, vote.Voter.Path.Name, vote.Term);
                Counted[key] = Counted.GetValueOrDefault(key) + 1;
            }
        }
    }

    [Fact]
    public void One_of_the_two_leaders_of_a_term_had_one_followers_vote_granted_twice()
    {
        var program = RaftProtocol.Program;
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 10_000, Seed = 1 }, program.Buggy, program.Monitors, program.Settings);
        var violation = Assert.Single(report.Violations);

        // The replay runs the shrunk schedule, which may elect its leaders in another order than the original did.
        var grants = new Grants();
        var replay = ActorExploration.Replay(violation, program.Buggy, () => [.. program.Monitors(), grants], program.Settings);
        var failure = replay.Result.Failure;
        Assert.NotNull(failure);
        Assert.Equal(violation.Schedule.Failure?.Reason, failure.Reason);

        // "server-X was elected leader of term T, which server-Y already leads"
        var words = failure.Reason.Split(' ');
        string[] leaders = [words[0], words[^3]];
        var term = int.Parse(words[6].TrimEnd(','), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(grants.Counted, g => leaders.Contains(g.Key.Candidate) && g.Key.Term == term && g.Value >= 2);
    }
}
