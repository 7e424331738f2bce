using ActorHyper.Exploration.Strategies;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>PCT starves low-priority actors: a late message, which a random walk almost never produces, comes often.</summary>
public sealed class PctStrategyTests
{
    private sealed class Hop : ReceiveActor
    {
        public Hop(List<string> seen, string name) => Receive<int>(n =>
        {
            if (n > 0)
            {
                Self.Tell(n - 1);
            }
            else
            {
                seen.Add(name);
            }
        });
    }

    private sealed class Race : ReceiveActor
    {
        public Race(List<string> seen)
        {
            var fast = Context.ActorOf(Props.Create(() => new Hop(seen, "long")), "long");
            var slow = Context.ActorOf(Props.Create(() => new Hop(seen, "short")), "short");
            Receive<string>(_ =>
            {
                fast.Tell(200);
                slow.Tell(1);
            });
        }
    }

    private static string Winner(ISchedulingStrategy strategy)
    {
        var system = ControlledSystems.Create(0);
        var driver = system.Driver();
        driver.UseStrategy(strategy);
        var seen = new List<string>();
        driver.ActorOf(Props.Create(() => new Race(seen)), "race").Tell("go");
        driver.RunUntilQuiescent();
        driver.Terminate();
        return seen[0];
    }

    [Fact]
    public void Pct_lets_a_200_step_chain_finish_before_a_2_step_one_in_a_good_share_of_seeds_where_a_random_walk_never_does()
    {
        var pct = Enumerable.Range(0, 30).Count(seed => Winner(new PctStrategy((ulong)seed, depth: 1)) == "long");
        var random = Enumerable.Range(0, 30).Count(seed => Winner(new RandomStrategy((ulong)seed)) == "long");
        Assert.InRange(pct, 5, 25);
        Assert.Equal(0, random);
    }

    [Fact]
    public void After_its_step_range_pct_walks_at_random_so_priorities_no_longer_starve_a_chain()
    {
        // The same race, with priorities held for 50 steps only: the 200-step chain would need them for
        // all of its length, and the random walk after step 50 lets the 2-step chain end first.
        var heldThroughout = Enumerable.Range(0, 30).Count(seed => Winner(new PctStrategy((ulong)seed, depth: 1, maxSteps: 10_000)) == "long");
        var heldFor50 = Enumerable.Range(0, 30).Count(seed => Winner(new PctStrategy((ulong)seed, depth: 1, maxSteps: 50)) == "long");
        Assert.InRange(heldThroughout, 5, 25);
        Assert.Equal(0, heldFor50);
    }

    [Fact]
    public void Pct_is_deterministic_for_a_seed_and_draws_its_change_points_below_the_step_bound()
    {
        var a = new PctStrategy(9, depth: 4, maxSteps: 50);
        var b = new PctStrategy(9, depth: 4, maxSteps: 50);
        Assert.Equal(a.ChangePoints, b.ChangePoints);
        Assert.Equal(3, a.ChangePoints.Count);
        Assert.All(a.ChangePoints, p => Assert.InRange(p, 0, 49));
        Assert.Equal(1.0 / (10 * 100.0), PctStrategy.Bound(10, 100, 2), 12);
    }
}
