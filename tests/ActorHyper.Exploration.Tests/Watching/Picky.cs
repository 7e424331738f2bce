using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Handles text only (anything else is unhandled), and throws at "boom".</summary>
internal sealed class Picky : ReceiveActor
{
    public Picky() => Receive<string>(s =>
    {
        if (s == "boom")
        {
            throw new InvalidOperationException("boom in the handler");
        }
    });
}
