using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// A system server with nothing to do at boot beyond starting: memory banks, I/O banks, DMAs,
/// processors, the relocation table and the DMM. It keeps what it was started with and tells the node
/// it is up.
/// </summary>
/// <remarks>
/// An <see cref="UntypedActor"/>, not a ReceiveActor: it is started at every boot, and a ReceiveActor
/// builds its handler table for each instance.
/// </remarks>
public sealed class GuestServerActor : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not StartServer start)
        {
            Unhandled(message);
            return;
        }

        Started = start;
        start.Node.Tell(new ServerUp(start.Entry, start.Id, Self), Self);
    }

    /// <summary>What the server was started with (null until then).</summary>
    public StartServer? Started { get; private set; }

    /// <summary>One for every boot: built once.</summary>
    private static readonly Props Shared = ProducedProps.Of(() => new GuestServerActor());

    public static Props Props() => Shared;

    /// <summary>The actor for <paramref name="entry"/>'s server: the kinds with behaviour of their own get their own class.</summary>
    public static Props For(ServerStart entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            ServerKind.Kvm => KvmServerActor.Props(),
            ServerKind.Portal => PortalServerActor.Props(),
            ServerKind.Shuttle => ShuttleServerActor.Props(),
            _ => Props(),
        };
    }
}
