using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The shuttle server. On Start it takes a KVM region for each processor's idle shuttle, one after
/// the other, and is up (tells the node) only once it has them all: until then the node keeps the
/// processors' requests aside. Then it hands each processor its idle shuttle, straight to its core's software port.
/// </summary>
/// <remarks>
/// An <see cref="UntypedActor"/>, not a ReceiveActor: it is started at every boot, and a ReceiveActor
/// builds its handler table for each instance.
/// </remarks>
public sealed class ShuttleServerActor : UntypedActor
{
    private readonly List<KvmRegion> idleShuttles = [];
    private StartServer? starting;
    private ShuttleSetup? setup;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartServer start:
                OnStart(start);
                break;
            case RegionCreated created:
                OnRegionCreated(created);
                break;
            case GetIdleShuttle get:
                OnGetIdleShuttle(get);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnStart(StartServer start)
    {
        starting = start;
        setup = start.Setup as ShuttleSetup
            ?? throw new InvalidOperationException("the shuttle server is started with the KVM it takes its shuttles from");
        setup.Kvm.Tell(new CreateRegion(KvmAllocator.DefaultRegionSize), Self);
    }

    private void OnRegionCreated(RegionCreated created)
    {
        if (starting is not { } start || setup is null || created.Result.Region is not { } region)
        {
            throw new InvalidOperationException($"the shuttle server got no region for an idle shuttle: {created.Result}");
        }
        idleShuttles.Add(region);
        if (idleShuttles.Count < setup.Processors)
        {
            setup.Kvm.Tell(new CreateRegion(KvmAllocator.DefaultRegionSize), Self);
            return;
        }
        start.Node.Tell(new ServerUp(start.Entry, start.Id, Self), Self);
    }

    private void OnGetIdleShuttle(GetIdleShuttle get)
    {
        if (get.Processor < 0 || get.Processor >= idleShuttles.Count)
        {
            throw new InvalidOperationException($"no idle shuttle for processor {get.Processor} ({idleShuttles.Count} processors)");
        }
        get.Core.Tell(new IdleShuttleGranted(get.Processor, get.Processor, idleShuttles[get.Processor]), Self);
    }

    /// <summary>One for every boot: built once.</summary>
    private static readonly Props Shared = ProducedProps.Of(() => new ShuttleServerActor());

    public static Props Props() => Shared;
}
