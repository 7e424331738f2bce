using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Stashes numbers until "open", then unstashes them and passes every number on to <c>next</c>.</summary>
internal sealed class Gate : ReceiveActor, IWithUnboundedStash
{
    public Gate(IActorRef next)
    {
        Receive<int>(_ => Stash.Stash());
        Receive<string>(s => s == "open", _ =>
        {
            Become(() => Receive<int>(n => next.Tell(n)));
            Stash.UnstashAll();
        });
    }

    public IStash Stash { get; set; } = null!;
}
