using ActorHyper.Exploration.Monitors;
using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>A host's check of every monitor, run on the hub's thread, where monitors live.</summary>
internal sealed class JudgeRequest(Action<RunMonitor> check) : HubRecord, IDeadLetterSuppression
{
    public Action<RunMonitor> Check { get; } = check;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
