using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using Akka.Actor;

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
    IoUnits? Io)
{
    /// <summary>Every unit of the cluster, in the order the cluster actor created them.</summary>
    public IEnumerable<IActorRef> All()
    {
        yield return Memory;
        yield return Xicu;
        yield return DmaHat;
        yield return Dma;
        foreach (var hat in CoreHats)
        {
            yield return hat;
        }
        foreach (var core in Cores)
        {
            yield return core;
        }
        if (Io is { } io)
        {
            yield return io.Rom;
            yield return io.Ioc;
            yield return io.Tty;
            yield return io.Fbf;
            yield return io.Iopic;
        }
    }
}

/// <summary>The I/O devices of the I/O cluster.</summary>
public sealed record IoUnits(IActorRef Rom, IActorRef Ioc, IActorRef Tty, IActorRef Fbf, IActorRef Iopic);
