// Ported from Samples/Monitors of microsoft/coyote (MIT licence, Copyright (c) Microsoft
// Corporation; docs/samples/actors/failure-detector.md): the same protocol, bug and property, written
// anew for Akka.NET.
//
// A failure detector pings two nodes in rounds, with a cancellable timer: 100 ms for the pongs of an
// attempt, two attempts before a silent node is declared failed, 1 s of rest between rounds. The
// driver halts both nodes at the start, each taking the halt in turn with its pings. The original's
// timer is a machine that fires when the tester likes and draws a coin when a cancel meets a firing
// timeout; here it is an actor arming an Akka timer of the original's durations, and the explorer
// races each timeout against the pings and pongs in flight. The safety monitor counts each node's
// pings less its pongs, which must stay at most three; the liveness monitor waits, hot, for both
// failures to be reported.
// The planted bug: a pong counts as an answer in whatever round it arrives in. A node slow to answer
// (its pong beaten by a timeout, so it is pinged again) and then halted keeps being counted alive by
// its late pongs, round after round, until it owes a fourth ping. The fix: a ping carries its round,
// the pong echoes it, and the detector counts a pong only in the round of its ping.
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

public static class FailureDetectorProtocol
{
    /// <summary>The original's number of nodes.</summary>
    public const int Nodes = 2;

    public static CorpusProgram Program { get; } = new(
        Name: "failure-detector",
        Origin: "microsoft/coyote Samples/Monitors, docs/samples/actors/failure-detector.md (MIT licence, Copyright (c) Microsoft Corporation)",
        Bug: "The detector counts any pong as an answer in the round under way, though it may answer a ping of an earlier "
            + "round: a node that answered late and then halted is kept alive by its late pongs and pinged again until it owes "
            + "more than three pings.",
        Invariant: PingCountMonitor.Invariant,
        Buggy: Setup(countsOnlyThisRoundsPongs: false),
        Correct: Setup(countsOnlyThisRoundsPongs: true),
        Monitors: static () => [new PingCountMonitor(), new FailuresDetectedMonitor()],
        Settings: new ActorExplorationSettings
        {
            // The nodes are daemons on other machines: pings, pongs and the driver's halts travel on
            // separate connections, each in order, nothing ordering one against another. (The
            // detector sends itself nothing: the original's raised events are calls here.)
            Model = ExecutionModel.LocalActors with { Delivery = DeliveryOrder.Channel, EarlyTimers = EarlyTimers },
            // The detector never stops: a round every 1.1 s or so, for ever, as in the original (whose
            // docs bound a run at 200 steps). Both failures are reported within a few rounds.
            TimeLimit = TimeSpan.FromSeconds(30),
            HotTimeLimit = TimeSpan.FromSeconds(10),
        });

    /// <summary>
    /// How many timeouts may come before a message they race that is still in flight, in one run. The
    /// original's timer fires at any moment. The bug takes four such timeouts: the node slow once in
    /// each of two rounds, its late answer kept in flight across the first round's end and the rest
    /// after it; so the library's default of three cannot reach it. Without a bound a timer may starve
    /// a message for ever: the driver never hears of a failure, and the fixed detector fails the
    /// liveness monitor. Four is the fewest that lets the bug happen.
    /// </summary>
    public const int EarlyTimers = 4;

    private static Action<IActorContext> Setup(bool countsOnlyThisRoundsPongs) => context =>
        context.ActorOf(ProducedProps.Of(() => new Driver(Nodes, countsOnlyThisRoundsPongs)), "driver");
}
