using Akka.Actor;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Subscribed to everything on a controlled system's event stream, so the driver sees each event
/// where it is published, on the publisher's thread and within its step, instead of later in an
/// actor's mailbox: monitors judge it and log events are written stamped with the step.
/// </summary>
internal sealed class EventSink : MinimalActorRef
{
    private readonly ControlledDriver _driver;

    public EventSink(ControlledDriver driver, IActorRefProvider provider)
    {
        _driver = driver;
        Provider = provider;
        Path = new RootActorPath(provider.RootPath.Address) / "controlled-event-sink";
    }

    public override ActorPath Path { get; }

    public override IActorRefProvider Provider { get; }

    protected override void TellInternal(object message, IActorRef sender) => _driver.OnPublished(message);
}
