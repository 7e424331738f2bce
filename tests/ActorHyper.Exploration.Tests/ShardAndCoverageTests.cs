using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Exploring;
using Akka.Actor;

namespace ActorHyper.Exploration.Tests;

/// <summary>Shards split an exploration's iterations without changing them; coverage counts (actor, message, state) alike for any number of workers.</summary>
public sealed class ShardAndCoverageTests
{
    private static ExplorationReport Explore(Shard shard, long iterations = 30, int workers = 1) =>
        Explorer.Run(new ExplorationOptions { Iterations = iterations, KeepGoing = true, Workers = workers, Shard = shard, Shrink = false }, _ => new PlantedRace());

    [Fact]
    public void Three_shards_run_each_iteration_once_with_the_seed_strategy_and_trace_of_the_unsharded_run()
    {
        var whole = Explore(Shard.All);
        var shards = Enumerable.Range(1, 3).Select(k => Explore(new Shard(k, 3), workers: 2)).ToList();

        Assert.Equal([10, 10, 10], shards.Select(s => s.Schedules.Count));
        Assert.All(shards[1].Schedules, s => Assert.Equal(1, s.Iteration % 3));
        var merged = shards.SelectMany(s => s.Schedules).OrderBy(s => s.Iteration).ToList();
        Assert.Equal(whole.Schedules, merged);
        Assert.Equal(whole.Violations.Select(v => v.Iteration), shards.SelectMany(s => s.Violations).Select(v => v.Iteration).Order());
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    public void A_shard_parses_from_k_of_n(string text, int number, int count)
    {
        Assert.True(Shard.TryParse(text, out var shard, out _));
        Assert.Equal(new Shard(number, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("0/2", "--shard 0/2: k must be from 1 to N (N at least 1).")]
    [InlineData("3/2", "--shard 3/2: k must be from 1 to N (N at least 1).")]
    [InlineData("x", "--shard must be k/N (shard k of N, whole numbers, 1 <= k <= N), got 'x'.")]
    [InlineData("1/", "--shard must be k/N (shard k of N, whole numbers, 1 <= k <= N), got '1/'.")]
    public void A_bad_shard_is_refused_with_what_is_wrong(string text, string problem)
    {
        Assert.False(Shard.TryParse(text, out _, out var said));
        Assert.Equal(problem, said);
    }

    [Fact]
    public void A_shard_counts_its_iterations()
    {
        Assert.Equal(4, new Shard(1, 3).CountOf(10)); // 0, 3, 6, 9
        Assert.Equal(3, new Shard(3, 3).CountOf(10)); // 2, 5, 8
        Assert.Equal(0, new Shard(3, 3).CountOf(2));
    }

    /// <summary>A two-state actor: it names its state, so coverage tells "closed" from "open".</summary>
    private sealed class Door : ReceiveActor, IStateName
    {
        public Door()
        {
            Closed();
        }

        public string CurrentStateName { get; private set; } = "closed";

        private void Closed()
        {
            CurrentStateName = "closed";
            Receive<string>(m => m == "open", _ => Become(Open));
            Receive<string>(_ => { });
        }

        private void Open()
        {
            CurrentStateName = "open";
            Receive<string>(m => m == "close", _ => Become(Closed));
            Receive<string>(_ => { });
        }
    }

    private sealed class Lock : FSM<string, int>
    {
        public Lock()
        {
            StartWith("locked", 0);
            When("locked", e => e.FsmEvent is "unlock" ? GoTo("unlocked") : Stay());
            When("unlocked", _ => Stay());
            Initialize();
        }
    }

    [Fact]
    public void Coverage_names_the_state_each_message_found_and_is_the_same_for_one_worker_or_two()
    {
        static void Setup(IActorContext context)
        {
            var door = context.ActorOf(Props.Create(() => new Door()), "door");
            var lockActor = context.ActorOf(Props.Create(() => new Lock()), "lock");
            var a = context.ActorOf(Props.Create(() => new Forwarder(door, "open")), "a");
            var b = context.ActorOf(Props.Create(() => new Forwarder(door, "knock")), "b");
            a.Tell("go");
            b.Tell("go");
            lockActor.Tell("unlock");
            lockActor.Tell("push");
        }

        var one = ActorExploration.Run(new ExplorationOptions { Iterations = 30, Workers = 1 }, Setup);
        var two = ActorExploration.Run(new ExplorationOptions { Iterations = 30, Workers = 2 }, Setup);

        Assert.Equal(one.Coverage, two.Coverage);
        Assert.Contains(new CoverageTriple("ShardAndCoverageTests.Door", "String", "closed"), one.Coverage);
        // "knock" meets the door open in some schedules and closed in others.
        Assert.Equal(2, one.Coverage.Count(t => t.Actor == "ShardAndCoverageTests.Door"));
        Assert.Contains(new CoverageTriple("ShardAndCoverageTests.Lock", "String", "locked"), one.Coverage);
        Assert.Contains(new CoverageTriple("ShardAndCoverageTests.Lock", "String", "unlocked"), one.Coverage);
        Assert.Contains(new CoverageTriple("ShardAndCoverageTests.Forwarder", "String", CoverageTriple.NoState), one.Coverage);
        Assert.Equal([.. one.Coverage.Order()], one.Coverage);
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef to, string message) => Receive<string>(_ => to.Tell(message));
    }
}
