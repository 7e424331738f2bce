using Akka.Actor;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// Subscribed to the watched system's event stream: sees each event on the publisher's thread, so
/// an event a handler publishes reaches the hub after that handler's delivery (which was enqueued
/// to the hub before the handler ran). A mailbox in between would lose that order.
/// </summary>
internal sealed class WatchEventSink : MinimalActorRef
{
    private readonly RealThreadWatch _watch;

    public WatchEventSink(RealThreadWatch watch, IActorRefProvider provider, string name)
    {
        _watch = watch;
        Provider = provider;
        Path = new RootActorPath(provider.RootPath.Address) / name;
    }

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider { get; }

    protected override void TellInternal(object message, IActorRef sender) => _watch.OnPublished(message);
}
