namespace ActorHyper.Exploration;

/// <summary>
/// A shrunk failing schedule: the run it replays to (<see cref="Shrunk"/>, whose decisions a
/// <see cref="ReplayStrategy"/> replays exactly), and how much was cut.
/// </summary>
public sealed record ShrinkResult(ScheduleResult Shrunk, long StepsBefore, long StepsAfter, int DeviationsBefore, int DeviationsAfter, int Replays);
