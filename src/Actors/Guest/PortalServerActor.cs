using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The portal server: a system server's portal gets the slot equal to its id's seq (seed 003: server
/// ids have slot = seq so that no relocation is needed). A slot already taken, or an id whose slot is
/// not its seq, is refused.
/// </summary>
/// <remarks>
/// An <see cref="UntypedActor"/>, not a ReceiveActor: it is started at every boot, and a ReceiveActor
/// builds its handler table for each instance.
/// </remarks>
public sealed class PortalServerActor : UntypedActor
{
    private readonly Dictionary<int, OffId> slots = [];
    private bool up;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartServer start:
                up = true;
                start.Node.Tell(new ServerUp(start.Entry, start.Id, Self), Self);
                break;
            case CreatePortal create:
                Context.Sender.Tell(Create(create.Id), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>One for every boot: built once.</summary>
    private static readonly Props Shared = ProducedProps.Of(() => new PortalServerActor());

    public static Props Props() => Shared;

    private PortalCreated Create(OffId id)
    {
        if (!up)
        {
            return new PortalCreated(id, null, "the portal server has not started");
        }
        if (!id.SlotMatchesSeq)
        {
            return new PortalCreated(id, null, $"{id} has slot {id.Slot}, not its seq {id.Seq}");
        }
        if (slots.TryGetValue(id.Seq, out var owner))
        {
            return new PortalCreated(id, null, $"slot {id.Seq} already holds the portal of {owner}");
        }
        slots.Add(id.Seq, id);
        return new PortalCreated(id, id.Seq);
    }
}
