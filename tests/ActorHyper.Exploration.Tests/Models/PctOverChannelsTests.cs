using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using Xunit;

namespace ActorHyper.Exploration.Tests.Models;

/// <summary>
/// PCT's priorities are per sender→receiver channel: a receiver's messages are delivered younger
/// first too, and a change point can cut between two messages of one channel.
/// </summary>
public sealed class PctOverChannelsTests
{
    /// <summary>Crashes on "ping1, kill, ping2": the kill, sent first of all, must come between two pings sent together later.</summary>
    private sealed class Target : ReceiveActor
    {
        public Target()
        {
            var heard = new List<string>();
            Receive<string>(message =>
            {
                heard.Add(message);
                if (heard.Count == 3 && heard[0] == "ping1" && heard[1] == "kill")
                {
                    throw new InvalidOperationException("killed between two pings");
                }
            });
        }
    }

    private sealed class Killer : ReceiveActor
    {
        public Killer(IActorRef target)
        {
            target.Tell("kill");
            ReceiveAny(_ => { });
        }
    }

    private static void Build(IActorContext context)
    {
        var target = context.ActorOf(Props.Create(() => new Target()), "target");
        context.ActorOf(Props.Create(() => new Killer(target)), "killer");
        context.ActorOf(Props.Create(() => new OrderToys.TwoWords(target, "ping1", "ping2")), "pinger").Tell("go");
    }

    [Fact]
    public void A_depth_two_bug_among_one_receivers_messages_is_found_at_no_less_than_its_stated_rate()
    {
        const int schedules = 3_000;
        var report = ActorExploration.Explore(
            new ExplorationOptions { Strategy = StrategyKind.Pct, Depth = 2, Iterations = schedules, KeepGoing = true, Shrink = false, Seed = 3 },
            Build);

        var bound = Assert.Single(report.PctBounds).Bound;
        var rate = report.Violations.Count / (double)schedules;
        Assert.True(rate >= bound, $"found in {report.Violations.Count} of {schedules} schedules ({rate:P2}), below the bound {bound:P2}");
        Assert.All(report.Violations, v => Assert.Contains("killed between two pings", v.Failure.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Depth_one_cannot_cut_between_two_messages_of_one_channel()
    {
        var report = ActorExploration.Explore(
            new ExplorationOptions { Strategy = StrategyKind.Pct, Depth = 1, Iterations = 1_000, KeepGoing = true, Shrink = false, Seed = 3 },
            Build);

        Assert.Empty(report.Violations);
    }
}
