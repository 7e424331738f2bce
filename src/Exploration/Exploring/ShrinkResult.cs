namespace ActorHyper.Exploration.Exploring;

/// <summary>
/// A shrunk failing schedule: the run it replays to (<see cref="Shrunk"/>, whose decisions a
/// <see cref="ReplayStrategy"/> replays exactly, with its <see cref="ScheduleInputs"/>), and how much
/// was cut: steps, deviations, injected faults and scenario commands.
/// </summary>
public sealed record ShrinkResult(ScheduleResult Shrunk, long StepsBefore, long StepsAfter, int DeviationsBefore, int DeviationsAfter, int Replays,
    int FaultsBefore = 0, int FaultsAfter = 0, int CommandsBefore = 0, int CommandsAfter = 0);
