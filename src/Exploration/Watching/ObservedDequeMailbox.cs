using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorHyper.Exploration.Watching;

/// <summary>The mailbox a watchable system gives actors that require a deque (those that stash).</summary>
public sealed class ObservedDequeMailbox : MailboxType, IProducesMessageQueue<ObservedDequeQueue>
{
    private readonly WatchSlot _slot;

    public ObservedDequeMailbox(Settings settings, Config config)
        : base(settings, config) => _slot = WatchRegistry.SlotOf(settings?.System);

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new ObservedDequeQueue(owner, _slot);
}
