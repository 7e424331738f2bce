using Akka.Dispatch;
using Akka.Actor;

namespace ActorHyper.Exploration.Watching;

/// <summary>The observed counterpart of Akka's <c>UnboundedMessageQueue</c>: every actor's queue unless it asks for a deque.</summary>
public sealed class ObservedUnboundedQueue : ObservedQueue, IUnboundedMessageQueueSemantics
{
    internal ObservedUnboundedQueue(IActorRef? owner, WatchSlot slot)
        : base(owner, slot)
    {
    }
}
