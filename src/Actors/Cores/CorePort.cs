using ActorHyper.Actors.Bus;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// A core's software port: the actor its programs' software knows instead of the core's own. Guest
/// code's <see cref="ICoreCpu.Self"/> is the port, its messages leave from the port, and what it
/// spawns lives under the port, so no guest actor holds a reference to the core (a hardware unit)
/// through which it could bypass the HAT: forge a reply, reset or halt the core. Everything sent to
/// the port reaches the core wrapped in a <see cref="PortMail"/>, which the core hands to the
/// program as a message, never as hardware input. The core creates one port after each reset
/// (<c>port-gN</c>) and stops it, with its software, at the next.
/// </summary>
/// <remarks>
/// An <see cref="UntypedActor"/>, not a ReceiveActor: twenty ports start with every boot, and a
/// ReceiveActor builds its handler table for each instance.
/// </remarks>
public sealed class CorePort : UntypedActor
{
    /// <summary>One for every core's every reset: built once.</summary>
    private static readonly Props Shared = ProducedProps.Of(() => new CorePort());

    public static Props Props() => Shared;

    protected override void OnReceive(object message)
    {
        if (message is SpawnSoftware spawn && Sender.Equals(Context.Parent))
        {
            Spawn(spawn);
            return;
        }

        Context.Parent.Tell(new PortMail(message, Sender), Self);
    }

    private void Spawn(SpawnSoftware spawn)
    {
        IActorRef? child = null;
        string? refusal = null;
        try
        {
            child = Context.ActorOf(spawn.Props, spawn.Name);
        }
        catch (InvalidActorNameException e)
        {
            refusal = e.Message;
        }
        Sender.Tell(new SoftwareSpawned(spawn.Tag, child, refusal), Self);
    }
}

/// <summary>A message for the program, as its software sent it to the port, with who sent it.</summary>
internal sealed record PortMail(object Message, IActorRef Sender);

/// <summary>
/// The core asks its port to start an actor of its software. Answered by <see cref="SoftwareSpawned"/>.
/// The <see cref="Akka.Actor.Props"/> are not a public member: they are no value a controlled run's
/// message digest could read (the digest reads public members), and the name identifies the actor.
/// </summary>
internal sealed class SpawnSoftware(long tag, Props props, string name)
{
    public long Tag { get; } = tag;

    public string Name { get; } = name;

    internal Props Props { get; } = props;

    public override string ToString() => $"spawn {Name} (tag {Tag})";
}

/// <summary>The actor started under the port, or the reason it was not (a name already taken).</summary>
internal sealed record SoftwareSpawned(long Tag, IActorRef? Actor, string? Refusal) : ITaggedReply;
