using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The Off++ node singleton of one instance, spawned by its boot core. It keeps the server directory
/// (filled as servers report up), has each server with an id get its portal once the portal server is
/// up, keeps processors' idle-shuttle requests aside until the shuttle server is up (the non-boot
/// processors may ask before it has processed its Start), and tells the boot core once every
/// processor idles in its shuttle. The cores it knows (<c>bootCore</c>, the senders of idle-shuttle
/// requests) are their software ports (<see cref="Cores.CorePort"/>), never the cores' actors.
/// </summary>
/// <remarks>
/// An <see cref="UntypedActor"/>, not a ReceiveActor: it is started at every boot, and a ReceiveActor
/// builds its handler table for each instance.
/// </remarks>
public sealed class OffNodeActor : UntypedActor
{
    private readonly int instanceId;
    private readonly UnitId unit;
    private readonly int processors;
    private readonly IActorRef bootCore;
    private readonly Dictionary<(ServerKind Kind, int Index), IActorRef> servers = [];
    private readonly List<OffId> portalsToCreate = [];
    private readonly Dictionary<OffId, int> portals = [];
    private readonly Queue<GetIdleShuttle> waitingForShuttles = new();
    private readonly HashSet<int> idle = [];
    private IActorRef? portalServer;
    private IActorRef? shuttleServer;

    public OffNodeActor(int instanceId, UnitId unit, int processors, IActorRef bootCore)
    {
        this.instanceId = instanceId;
        this.unit = unit;
        this.processors = processors;
        this.bootCore = bootCore;
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ServerUp up:
                OnServerUp(up);
                break;
            case PortalCreated created:
                OnPortalCreated(created);
                break;
            case RequestIdleShuttle request:
                OnRequestIdleShuttle(request);
                break;
            case ProcessorIdle idling:
                OnProcessorIdle(idling);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    public static Props Props(int instanceId, UnitId unit, int processors, IActorRef bootCore) =>
        // A node is created at every boot: by a producer (see ProducedProps).
        ProducedProps.Of(() => new OffNodeActor(instanceId, unit, processors, bootCore));

    private void OnServerUp(ServerUp up)
    {
        servers[(up.Entry.Kind, up.Entry.Index)] = up.Server;
        if (up.Id is { } id)
        {
            portalsToCreate.Add(id);
        }
        switch (up.Entry.Kind)
        {
            case ServerKind.Portal:
                portalServer = up.Server;
                break;
            case ServerKind.Shuttle:
                shuttleServer = up.Server;
                while (waitingForShuttles.TryDequeue(out var waiting))
                {
                    shuttleServer.Tell(waiting, Self);
                }
                break;
        }
        CreatePortals();
    }

    /// <summary>Servers that came up before the portal server (the memory banks) get their portals once it is up.</summary>
    private void CreatePortals()
    {
        if (portalServer is null)
        {
            return;
        }
        foreach (var id in portalsToCreate)
        {
            portalServer.Tell(new CreatePortal(id), Self);
        }
        portalsToCreate.Clear();
    }

    private void OnPortalCreated(PortalCreated created)
    {
        if (created.Slot is not { } slot)
        {
            throw new InvalidOperationException($"the portal of {created.Id} was refused: {created.Refusal}");
        }
        portals[created.Id] = slot;
        Publish(new GuestPortalCreated(Context.Now, unit, instanceId, created.Id, slot));
    }

    private void OnRequestIdleShuttle(RequestIdleShuttle request)
    {
        var early = shuttleServer is null;
        Publish(new IdleShuttleRequested(Context.Now, unit, instanceId, request.Processor, early));
        var get = new GetIdleShuttle(request.Processor, Context.Sender);
        if (shuttleServer is null)
        {
            waitingForShuttles.Enqueue(get);
        }
        else
        {
            shuttleServer.Tell(get, Self);
        }
    }

    private void OnProcessorIdle(ProcessorIdle processor)
    {
        if (idle.Add(processor.Processor) && idle.Count == processors)
        {
            bootCore.Tell(new AllProcessorsIdle(processors), Self);
        }
    }

    private void Publish(HardwareEvent happened) => Context.System.EventStream.Publish(happened);
}
