// Ported from Samples/DrinksServingRobotActors (and docs/samples/actors/failover-robot-navigator.md) of
// microsoft/coyote (MIT licence, Copyright (c) Microsoft Corporation): the same protocol, bug and
// property, written anew for Akka.NET.
//
// Why it is in the corpus: a failover whose bug is a disagreement about time between two parties.
// A robot asks a navigator service for whom to serve and how to get there; the navigator persists the
// robot's request so that, when a driver kills it and builds a successor, the successor restarts it.
// The navigators consider the request done when they send the route; the buggy robot considers it
// pending until it has driven the route's first leg (half a second later). A failover in between
// leaves a successor with nothing to restart and a robot waiting for it for ever: the liveness
// monitor is still hot when the run falls quiet. Reaching that window takes a schedule in which the
// recognition (1.5 s) finishes before the driver's kill (500 to 999 ms after the robot is ready), so
// the robot's readiness must be slow to reach the driver, and then the kill must land before the
// robot's first move: the timers and delays are the original's, the schedule is the explorer's.
//
// How: each Coyote state machine is an actor whose states are a field (the original's pushed states
// inherit the robot's registration handler and the deferral of orders: here one case for every state,
// and a stash emptied at each change of state); Coyote's timers are Akka timers, its halts PoisonPill
// (queued) or Context.Stop (at once), its random integers the actor's seeded stream, and the monitor's
// busy and idle events are published on the event stream. Pictures and drinks are reduced to what
// the protocol reads: the picture's time, and a drink drawn for an adult or a minor.
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

public static class RobotNavigatorProtocol
{
    public static CorpusProgram Program { get; } = new(
        Name: "robot-navigator",
        Origin: "microsoft/coyote Samples/DrinksServingRobotActors, docs/samples/actors/failover-robot-navigator.md (MIT, Copyright (c) Microsoft Corporation)",
        Bug: "The robot clears its drink-order-pending flag only when it drives its route's first leg, not when the route arrives, "
             + "so a navigator failover in between finds no request to restart while the robot waits for one for ever.",
        Invariant: LivenessMonitor.Invariant,
        Buggy: Setup(fixedRobot: false),
        Correct: Setup(fixedRobot: true),
        Monitors: static () => [new LivenessMonitor()],
        Settings: new ActorExplorationSettings
        {
            // A test is one order and at most one failover, a hundred-odd deliveries; every run ends quiet by itself.
            StepLimit = 10_000,
            // A served order keeps the robot busy for at most two recognitions (3 s) and four legs (2 s) of virtual time.
            HotTimeLimit = TimeSpan.FromSeconds(30),
        });

    private static Action<IActorContext> Setup(bool fixedRobot) => context =>
        context.ActorOf(ProducedProps.Of(() => new FailoverDriver(fixedRobot)), "failover-driver").Tell(new StartFailover());
}
