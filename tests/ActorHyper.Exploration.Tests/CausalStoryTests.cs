using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using static ActorHyper.Exploration.Tests.FindingToys;

namespace ActorHyper.Exploration.Tests;

/// <summary>A violation's story is the causal history of the failing delivery, back to the deviations, a screenful at most.</summary>
public sealed class CausalStoryTests
{
    /// <summary>
    /// Steps 0–5: A takes an outside message (0) and tells B (1), B tells A (3), A tells B (5); C talks
    /// to itself meanwhile (2, 4), caused by nothing the target saw.
    /// </summary>
    private static readonly SliceStep?[] Toy =
    [
        new SliceStep("A", -1, false),
        new SliceStep("B", 0, false),
        new SliceStep("C", -1, false),
        new SliceStep("A", 1, false),
        new SliceStep("C", 2, false),
        new SliceStep("B", 3, false),
    ];

    [Fact]
    public void The_history_follows_sends_and_each_actors_own_order_and_leaves_out_what_did_not_lead_to_the_target()
    {
        Assert.Equal([0L, 1, 3, 5], CausalSlice.History(Toy, 5));
        Assert.Equal([2L, 4], CausalSlice.History(Toy, 4));
        // B's own earlier delivery is in its history though nothing B sent led there: what B knew did.
        Assert.Equal([0L, 1, 3], CausalSlice.History(Toy, 3));
    }

    [Fact]
    public void A_cut_keeps_the_target_then_the_chain_of_sends_then_the_deviations()
    {
        Assert.Equal([5L], CausalSlice.Select(Toy, 5, 1));
        Assert.Equal([3L, 5], CausalSlice.Select(Toy, 5, 2));
        Assert.Equal([0L, 1, 3, 5], CausalSlice.Select(Toy, 5, 10));

        // With a deviation at step 0 and room for three: the target, a third of the room for the chain, then the deviation.
        var deviating = (SliceStep?[])Toy.Clone();
        deviating[0] = deviating[0]!.Value with { IsDeviation = true };
        Assert.Equal([0L, 3, 5], CausalSlice.Select(deviating, 5, 3));
        // A deviation outside the history is not in the story.
        deviating[2] = deviating[2]!.Value with { IsDeviation = true };
        Assert.DoesNotContain(2L, CausalSlice.Select(deviating, 5, 3));
    }

    [Fact]
    public void A_step_that_delivered_nothing_has_no_history()
    {
        var ex = Assert.Throws<ArgumentException>(() => CausalSlice.History([Toy[0], null], 1));
        Assert.Contains("step 1 delivered nothing", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Two senders race to <c>ordered</c> while two chatterers talk a long while among themselves; <paramref name="mirrored"/> swaps the senders' words.</summary>
    private static Action<IActorContext> RaceBesideChatter(bool mirrored) => context =>
    {
        var ordered = context.ActorOf(Props.Create(() => new Ordered()), "ordered");
        var left = context.ActorOf(Props.Create(() => new Chatterer()), "chatter-left");
        var right = context.ActorOf(Props.Create(() => new Chatterer()), "chatter-right");
        left.Tell(new Chat(right, 60));
        context.ActorOf(Props.Create(() => new Teller(ordered, mirrored ? "second" : "first")), "a").Tell("go");
        context.ActorOf(Props.Create(() => new Teller(ordered, mirrored ? "first" : "second")), "b").Tell("go");
    };

    [Fact]
    public void The_story_of_a_shrunk_race_shows_its_deviation_and_none_of_the_chatter_beside_it()
    {
        // One of the two crashing orders is not the default one: its shrunk schedule keeps a deviation.
        var violations = new[] { false, true }.Select(mirrored =>
            Assert.Single(ActorExploration.Explore(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 200 }, RaceBesideChatter(mirrored)).Violations)).ToList();
        Assert.Contains(violations, v => v.Schedule.Deviations > 0);

        foreach (var violation in violations)
        {
            var story = violation.Schedule.Story;
            Assert.Matches(@"^the causal history of step #\d+ \(/user/exploration/run/ordered\): ", story[0]);
            Assert.Matches(@"/user/exploration/run/ordered ← /user/exploration/run/[ab]: String second$", story[^1]);
            // The deviation the race needs is in the history of the crash, and marked.
            Assert.Equal(violation.Schedule.Deviations > 0, story.Any(line => line.StartsWith("* #", StringComparison.Ordinal)));
            Assert.DoesNotContain(story, line => line.Contains("chatter", StringComparison.Ordinal));
            Assert.InRange(story.Count, 2, CausalStory.DefaultLines + 1);
        }
    }

    [Fact]
    public void A_run_of_alike_deliveries_is_told_in_one_line()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 10 }, context =>
        {
            var counter = context.ActorOf(Props.Create(() => new CountsTo(150)), "counter");
            counter.Tell(0);
        });

        var violation = Assert.Single(report.Violations);
        var story = violation.Schedule.Story;
        // One actor counting: its history is all of the run, from the build of the run's actors that
        // made it; the count is told in one line.
        Assert.Equal(
        [
            "the causal history of step #151 (/user/exploration/run/counter): 151 deliveries before it, 0 of them out of the default order (*); 152 shown",
            "  #0 @0 ms /user/exploration ← outside: Build (the run's actors)",
            "  #1 @0.001 ms /user/exploration/run/counter ← /user/exploration/run: Int32 0",
            "  #2…#151 @0.002…0.151 ms /user/exploration/run/counter ← /user/exploration/run/counter: 150× Int32, the last: Int32 150",
        ], story);

    }

    private sealed record Chat(IActorRef With, int Left);

    /// <summary>Passes a chat back and forth until its count runs out.</summary>
    private sealed class Chatterer : ReceiveActor
    {
        public Chatterer() => Receive<Chat>(chat =>
        {
            if (chat.Left > 0)
            {
                chat.With.Tell(new Chat(Self, chat.Left - 1));
            }
        });
    }

    /// <summary>Tells itself the next number until it reaches <c>limit</c>, where it throws.</summary>
    private sealed class CountsTo : ReceiveActor
    {
        public CountsTo(int limit) => Receive<int>(n =>
        {
            if (n == limit)
            {
                throw new InvalidOperationException($"reached {limit}");
            }

            Self.Tell(n + 1);
        });
    }
}
