using ActorHyper.Exploration;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The portal server: a system server's portal gets the slot equal to its id's seq (seed 003: server
/// ids have slot = seq so that no relocation is needed). A slot already taken, or an id whose slot is
/// not its seq, is refused.
/// </summary>
public sealed class PortalServerActor : ReceiveActor
{
    private readonly Dictionary<int, OffId> slots = [];
    private bool up;

    public PortalServerActor()
    {
        Receive<StartServer>(start =>
        {
            up = true;
            start.Node.Tell(new ServerUp(start.Entry, start.Id, Self), Self);
        });
        Receive<CreatePortal>(create => Context.Sender.Tell(Create(create.Id), Self));
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
