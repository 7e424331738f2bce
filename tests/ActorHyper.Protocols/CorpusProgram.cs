using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Monitors;
using Akka.Actor;

namespace ActorHyper.Protocols;

/// <summary>
/// One program of the corpus: a public actor protocol ported to Akka.NET with the bug its authors
/// planted and with the bug fixed, the property that catches the bug, and where it came from.
/// </summary>
/// <param name="Name">Short, lower-case, dashed: how tests, the bench and README name it.</param>
/// <param name="Origin">Where the original is (repository and path) and its licence.</param>
/// <param name="Bug">The planted bug, in one sentence, as its authors describe it.</param>
/// <param name="Invariant">The invariant a schedule of the buggy version breaks (a monitor's name, or <c>liveness</c>, <c>crash</c>, ...).</param>
/// <param name="Buggy">The setup of one schedule of the version with the bug (as <see cref="ActorExploration.Run"/> takes it).</param>
/// <param name="Correct">The setup of one schedule of the version with the bug fixed.</param>
/// <param name="Monitors">The program's own monitors, fresh for each worker.</param>
/// <param name="Settings">Step and time limits, the execution model, hot limits: what the program needs at its real durations.</param>
public sealed record CorpusProgram(
    string Name,
    string Origin,
    string Bug,
    string Invariant,
    Action<IActorContext> Buggy,
    Action<IActorContext> Correct,
    Func<IEnumerable<RunMonitor>> Monitors,
    ActorExplorationSettings Settings)
{
    public override string ToString() => Name;
}
