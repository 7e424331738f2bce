// Ported from microsoft/coyote Samples/CoffeeMachineActors (MIT licence, Copyright (c) Microsoft
// Corporation): the same protocol, bug and property, written anew for Akka.NET. Its tutorial,
// docs/tutorials/actors/test-failover.md, tells the bug and its fix (the correct version here).
//
// Why: failover testing. A coffee machine's firmware is killed at a random moment and a new one
// started; the new one knows only what the sensors, which survive, tell it. The sample's mock
// sensors run in their test mode, which skips the slow heating and grinding straight to the
// boundary, and the grinder's skip overdraws the hopper below zero. The new machine then reads a
// negative hopper level, takes "not exactly zero" for "has beans", and switches the grinder on with
// an empty hopper. How: the driver, the machines and the mocks are Akka.NET actors with the sample's
// timers at their real periods (heater and grinder checked every 100 ms, a shot per second of
// pumping, a kill one to seven seconds after the start); Coyote's RandomInteger draws come from each
// actor's seeded stream, its monitor notifications are events on the event stream, its deferred
// events a stash, its halt Context.Stop.
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>The coffee machine's failover test, as a program of the corpus.</summary>
public static class CoffeeMachineProtocol
{
    public static CorpusProgram Program { get; } = new(
        Name: "coffee-machine",
        Origin: "github.com/microsoft/coyote Samples/CoffeeMachineActors, docs/tutorials/actors/test-failover.md (MIT, Copyright (c) Microsoft Corporation)",
        Bug: "After a failover the new machine takes the hopper for empty only at exactly 0 %, but the first machine's grinding can leave "
             + "it below zero, so the new machine switches the grinder on with no beans.",
        Invariant: SensorSafetyMonitor.Invariant,
        Buggy: Setup(hopperBelowZeroIsEmpty: false),
        Correct: Setup(hopperBelowZeroIsEmpty: true),
        Monitors: static () => [new SensorSafetyMonitor(), new DoorSafetyMonitor(), new LivenessMonitor()],
        Settings: new ActorExplorationSettings
        {
            // While grinding, the machine polls the hopper until the grinder's 100 ms check: at 1 µs a
            // step that is up to 100,000 deliveries per coffee, and a run has two machines.
            StepLimit = 1_000_000,
            // A job lasts at most a heating check, a grinding check and three one-second shots
            // (about 3.2 s, the grinding's polling within it); three times that is a machine stuck.
            // PCT can hold the grinder's overdue check behind the poll for ever, so that it breaks
            // these limits with a machine that would not be stuck under Akka.NET: the explorer's
            // false alarm, not the machine's (Coyote checks liveness on fair schedules only).
            HotStepLimit = 300_000,
            HotTimeLimit = TimeSpan.FromSeconds(10),
        });

    private static Action<IActorContext> Setup(bool hopperBelowZeroIsEmpty) => context =>
        context.ActorOf(ProducedProps.Of(() => new FailoverDriver(hopperBelowZeroIsEmpty)), "failover-driver").Tell(new StartTest());
}
