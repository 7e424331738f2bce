using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

internal sealed class Shouter : ReceiveActor
{
    public Shouter() => Receive<Shout>(shout => Context.System.EventStream.Publish(new Heard(shout.N)));
}
