using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Runtime;

namespace ActorHyper.Actors.Machine;

/// <summary>The actors of one cluster, as its cluster actor created them; <see cref="Io"/> only in the I/O cluster.</summary>
public sealed record ClusterUnits(
    ClusterId Cluster,
    IActorRef ClusterActor,
    IActorRef Memory,
    IActorRef Xicu,
    IActorRef Dma,
    IActorRef DmaHat,
    ValueList<IActorRef> Cores,
    ValueList<IActorRef> CoreHats,
    IoUnits? Io);

/// <summary>The I/O devices of the I/O cluster.</summary>
public sealed record IoUnits(IActorRef Rom, IActorRef Ioc, IActorRef Tty, IActorRef Fbf, IActorRef Iopic);
