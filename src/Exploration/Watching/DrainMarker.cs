using Akka.Event;

namespace ActorHyper.Exploration.Watching;

/// <summary>Passes through the hub's mailbox behind everything enqueued before it: when the hub reaches it, those are processed.</summary>
internal sealed class DrainMarker : HubRecord, IDeadLetterSuppression
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
