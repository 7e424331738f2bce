using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The kernel virtual memory service: started with the end of kernel memory and the DTLB option
/// (<see cref="KvmSetup"/>), it hands out regions (<c>create_region</c>) with a <see cref="KvmAllocator"/>.
/// </summary>
/// <remarks>
/// An <see cref="UntypedActor"/>, not a ReceiveActor: it is started at every boot, and a ReceiveActor
/// builds its handler table for each instance.
/// </remarks>
public sealed class KvmServerActor : UntypedActor
{
    private KvmAllocator? allocator;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartServer start:
                var setup = start.Setup as KvmSetup
                    ?? throw new InvalidOperationException("the KVM is started with the end of kernel memory and the DTLB option");
                allocator = new KvmAllocator(setup.Bank, setup.Start);
                start.Node.Tell(new ServerUp(start.Entry, start.Id, Self), Self);
                break;
            case CreateRegion create:
                Sender.Tell(new RegionCreated(allocator is null
                    ? KvmRegionResult.Refused("the KVM has not started")
                    : allocator.CreateRegion(create.Size)), Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>One for every boot: built once.</summary>
    private static readonly Props Shared = ProducedProps.Of(() => new KvmServerActor());

    public static Props Props() => Shared;
}
