using ActorHyper.Runtime;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The shuttle server. On Start it takes a KVM region for its shuttle table, and is up (tells the
/// node) only once it has it: until then the node keeps processors' requests aside. Then it hands
/// each processor its idle shuttle, straight to the processor's core.
/// </summary>
public sealed class ShuttleServerActor : ReceiveActor
{
    private StartServer? starting;
    private int shuttles;

    public ShuttleServerActor()
    {
        Receive<StartServer>(start =>
        {
            starting = start;
            var setup = start.Setup as ShuttleSetup
                ?? throw new InvalidOperationException("the shuttle server is started with the KVM it takes its table from");
            setup.Kvm.Tell(new CreateRegion(Hardware.Guest.KvmAllocator.DefaultRegionSize), Self);
        });
        Receive<RegionCreated>(created =>
        {
            if (starting is not { } start || created.Result.Region is null)
            {
                throw new InvalidOperationException($"the shuttle server got no table: {created.Result}");
            }
            start.Node.Tell(new ServerUp(start.Entry, start.Id, Self), Self);
        });
        Receive<GetIdleShuttle>(get => get.Core.Tell(new IdleShuttleGranted(get.Processor, ++shuttles), Self));
    }

    public static Props Props() => Runtime.Props.Create(() => new ShuttleServerActor());
}
