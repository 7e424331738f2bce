using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorHyper.Exploration.Watching;

/// <summary>The default mailbox of a watchable system (<see cref="WatchedConfig"/>).</summary>
public sealed class ObservedMailbox : MailboxType, IProducesMessageQueue<ObservedUnboundedQueue>
{
    // Akka makes one mailbox type per system and id, so the slot is looked up once, not per actor.
    private readonly WatchSlot _slot;

    public ObservedMailbox(Settings settings, Config config)
        : base(settings, config) => _slot = WatchRegistry.SlotOf(settings?.System);

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new ObservedUnboundedQueue(owner, _slot);
}
