using Akka.Actor;

namespace ActorHyper.Host.Soak;

/// <summary>
/// Counts the events it is subscribed to, where they are published (on the publisher's thread, with
/// no mailbox): the soak's count of XICU mailbox overwrites.
/// </summary>
internal sealed class EventCounter : MinimalActorRef
{
    private long count;

    public EventCounter(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        Provider = ((ExtendedActorSystem)system).Provider;
        Path = new RootActorPath(Provider.RootPath.Address) / "soak-event-counter";
    }

    public long Count => Interlocked.Read(ref count);

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider { get; }

    protected override void TellInternal(object message, IActorRef sender) => Interlocked.Increment(ref count);
}
