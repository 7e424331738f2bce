using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using Akka.Actor;
using static ActorHyper.Exploration.Tests.FindingToys;

namespace ActorHyper.Exploration.Tests;

/// <summary>Crashes, unhandled messages and dead letters in <see cref="ActorExploration"/>: findings by default, allowed per actor type, counted.</summary>
public sealed class FindingsTests
{
    /// <summary>Two senders race to <c>ordered</c>: one order of the two makes it throw.</summary>
    private static void RacingSenders(IActorContext context)
    {
        var ordered = context.ActorOf(Props.Create(() => new Ordered()), "ordered");
        context.ActorOf(Props.Create(() => new Teller(ordered, "first")), "a").Tell("go");
        context.ActorOf(Props.Create(() => new Teller(ordered, "second")), "b").Tell("go");
    }

    [Fact]
    public void A_handler_that_throws_on_one_interleaving_is_found_with_the_crash_in_the_story()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 40, KeepGoing = true }, RacingSenders);

        // One order of the two senders only: some schedules pass, some crash.
        Assert.InRange(report.Violations.Count, 1, report.Schedules.Count - 1);
        var crash = report.Violations[0];
        Assert.Equal("crash", crash.Invariant);
        Assert.Equal("/user/exploration/run/ordered (Ordered) threw InvalidOperationException handling String second: second before first", crash.Failure.Reason);
        Assert.EndsWith("/user/exploration/run/ordered ← /user/exploration/run/b: String second", crash.Schedule.Story[^1], StringComparison.Ordinal);
        var failed = Assert.Throws<ExplorationFailedException>(() => ActorExploration.Run(new ExplorationOptions { Strategy = StrategyKind.Random, Iterations = 40 }, RacingSenders));
        Assert.Contains("invariant 'crash' broken", failed.Message, StringComparison.Ordinal);
        Assert.Contains("threw InvalidOperationException handling String second", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_that_throws_in_its_constructor_is_a_violation_at_the_first_schedule()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 10 }, context =>
            context.ActorOf(Props.Create(() => new Unbuildable()), "unbuildable").Tell("hello"));

        var crash = Assert.Single(report.Violations);
        Assert.Equal((0L, "crash"), (crash.Iteration, crash.Invariant));
        Assert.Equal("/user/exploration/run/unbuildable (Unbuildable) threw InvalidOperationException in its constructor: no configuration", crash.Failure.Reason);
    }

    [Fact]
    public void An_unhandled_message_is_found_with_its_receiver_message_and_sender()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 10 }, context =>
        {
            var strings = context.ActorOf(Props.Create(() => new StringsOnly()), "strings");
            strings.Tell("fine");
            strings.Tell(42);
        });

        var unhandled = Assert.Single(report.Violations);
        Assert.Equal((0L, "unhandled"), (unhandled.Iteration, unhandled.Invariant));
        Assert.Equal("/user/exploration/run/strings (StringsOnly) did not handle Int32 42 from /user/exploration/run", unhandled.Failure.Reason);
    }

    [Fact]
    public void An_assertion_in_a_handler_is_a_crash_whatever_its_exception_type()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 3 }, context =>
            context.ActorOf(Props.Create(() => new Asserting()), "asserting").Tell(-1));

        var crash = Assert.Single(report.Violations);
        Assert.Equal("crash", crash.Invariant);
        Assert.StartsWith("/user/exploration/run/asserting (Asserting) threw TrueException handling Int32 -1: got -1", crash.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crash_its_supervisor_resumes_is_a_crash_too()
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 3 }, context =>
            context.ActorOf(Props.Create(() => new Resuming()), "resuming").Tell("second"));

        Assert.Equal("/user/exploration/run/resuming/ordered (Ordered) threw InvalidOperationException handling String second: second before first",
            Assert.Single(report.Violations).Failure.Reason);
    }

    private static void RestarterRally(IActorContext context)
    {
        // Two rallies through one restarter: its crashes (every third ball) fall on many interleavings of the two.
        var restarter = context.ActorOf(Props.Create(() => new Restarter(new int[1])), "restarter");
        restarter.Tell(0, context.ActorOf(Props.Create(() => new Feeder(restarter, 12)), "left"));
        restarter.Tell(0, context.ActorOf(Props.Create(() => new Feeder(restarter, 12)), "right"));
    }

    [Fact]
    public void An_allowed_crash_passes_thousands_of_schedules_and_the_same_crash_unallowed_fails_the_first()
    {
        var options = new ExplorationOptions { Strategy = StrategyKind.Portfolio, Iterations = 2000, Workers = 2 };
        var allowed = ActorExploration.Run(options, RestarterRally, settings: new ActorExplorationSettings().AllowCrashesOf(typeof(Restarter)));
        var unallowed = ActorExploration.Explore(options, RestarterRally);
        var otherAllowed = ActorExploration.Explore(options, RestarterRally, settings: new ActorExplorationSettings().AllowCrashesOf(typeof(Feeder)));

        Assert.Equal(2000, allowed.Schedules.Count);
        Assert.Empty(allowed.Violations);
        Assert.True(allowed.DistinctInterleavings > 100, $"{allowed.DistinctInterleavings} interleavings");
        Assert.Equal((0L, "crash"), (unallowed.Violations[0].Iteration, unallowed.Violations[0].Invariant));
        Assert.Equal("crash", otherAllowed.Violations[0].Invariant);
    }

    [Fact]
    public void An_allowed_unhandled_message_passes_by_predicate_over_actor_type_and_message()
    {
        static void Setup(IActorContext context)
        {
            var strings = context.ActorOf(Props.Create(() => new StringsOnly()), "strings");
            strings.Tell(42);
            strings.Tell(4.2);
        }

        var options = new ExplorationOptions { Iterations = 20 };
        var ints = ActorExploration.Explore(options, Setup, settings: new ActorExplorationSettings { AllowUnhandled = (actor, message) => actor == typeof(StringsOnly) && message is int });
        var any = ActorExploration.Explore(options, Setup, settings: new ActorExplorationSettings().AllowUnhandledOf(typeof(StringsOnly)));

        Assert.Equal("/user/exploration/run/strings (StringsOnly) did not handle Double 4.2 from /user/exploration/run", Assert.Single(ints.Violations).Failure.Reason);
        Assert.Empty(any.Violations);
    }

    private static void DeadLetters(IActorContext context)
    {
        var oneShot = context.ActorOf(Props.Create(() => new OneShot()), "one-shot");
        oneShot.Tell("first");
        oneShot.Tell("second");
        oneShot.Tell("third");
    }

    [Fact]
    public void Dead_letters_of_user_messages_are_counted_and_a_violation_when_asked()
    {
        var counted = ActorExploration.Run(new ExplorationOptions { Iterations = 30, Workers = 2 }, DeadLetters);
        var failing = ActorExploration.Explore(new ExplorationOptions { Iterations = 30 }, DeadLetters,
            settings: new ActorExplorationSettings { DeadLettersAreViolations = true });

        // "second" and "third" reach a stopped actor in every schedule; Akka's own messages (the stop's) are not counted.
        Assert.All(counted.Schedules, s => Assert.Equal(2, s.DeadLetters));
        Assert.Equal((60L, 30), (counted.DeadLetters, counted.SchedulesWithDeadLetters));
        var dead = Assert.Single(failing.Violations);
        Assert.Equal("dead-letter", dead.Invariant);
        Assert.Equal("String second from /user/exploration/run to /user/exploration/run/one-shot became a dead letter", dead.Failure.Reason);
    }

    [Fact]
    public void A_message_to_a_stopped_actor_is_one_step_shown_as_the_dead_letter_it_is()
    {
        var seen = new List<string>();
        var report = ActorExploration.Explore(new ExplorationOptions { Iterations = 1 }, DeadLetters,
            () => [new DeliveryMonitor("all", () => delivery =>
            {
                seen.Add($"{delivery.Receiver}{(delivery.IsDeadLetter ? " dead" : "")}: {delivery.Message}");
                return null;
            })]);
        var failing = ActorExploration.Explore(new ExplorationOptions { Iterations = 1, Shrink = false }, DeadLetters,
            settings: new ActorExplorationSettings { DeadLettersAreViolations = true });

        // Build, first, second and third: the two dead letters are steps of their own, not two each.
        Assert.Equal(4, report.Schedules[0].Steps);
        // (PCT's calibration run sees the same four first.)
        Assert.Equal(["/user/exploration: Build (the run's actors)", "/user/exploration/run/one-shot: first",
            "/user/exploration/run/one-shot dead: second", "/user/exploration/run/one-shot dead: third"], seen.TakeLast(4));
        Assert.Contains("/user/exploration/run/one-shot (stopped: a dead letter) ← /user/exploration/run: String second",
            failing.Violations[0].Original.Story[^1], StringComparison.Ordinal);
    }
}
