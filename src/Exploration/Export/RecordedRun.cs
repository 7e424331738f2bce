using ActorHyper.Exploration.Exploring;

namespace ActorHyper.Exploration.Export;

/// <summary>A replayed run and every delivery it made (<see cref="RunRecorder"/>): what <see cref="ChromeTrace"/> and <see cref="MermaidSequence"/> draw.</summary>
public sealed record RecordedRun(ScheduleResult Result, IReadOnlyList<RecordedDelivery> Deliveries)
{
    public string ToChromeTrace(string title) => ChromeTrace.Of(Deliveries, Result.Failure, title);

    public string ToMermaid(string title) => MermaidSequence.Of(Deliveries, Result.Failure, title);
}
