using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// Kernel data the boot core leaves at <see cref="Hardware.Boot.BootLayout.NodeDirectory"/> before it
/// wakes the other processors: where the node singleton is, so they can ask it for their idle shuttles.
/// </summary>
public sealed record NodeDirectory(int InstanceId, IActorRef Node) : IMemoryData
{
    public string DataName => "node directory";

    public override string ToString() => $"node directory of instance {InstanceId}";
}
