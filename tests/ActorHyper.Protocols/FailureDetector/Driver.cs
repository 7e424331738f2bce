using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>
/// The test harness, as the original's driver: makes the nodes and the detector, whose client it is,
/// then fails every node (a halt, which a node takes in turn with its pings), and passes each failure
/// the detector reports on to the liveness monitor. The original registers the driver with a message
/// sent just after making the detector; here the detector is made with it, since a registration from
/// another node could arrive after the first round's two timeouts, and the failures found then would
/// be told to no one: a false alarm of the liveness monitor, not the detector's bug.
/// </summary>
public sealed class Driver : ReceiveActor
{
    public Driver(int nodes, bool countsOnlyThisRoundsPongs)
    {
        var made = new IActorRef[nodes];
        for (var i = 0; i < nodes; i++)
        {
            made[i] = Context.ActorOf(ProducedProps.Of(static () => new Node()), $"node-{i}");
        }

        Context.System.EventStream.Publish(new NodesStarted([.. made]));
        var self = Self;
        Context.ActorOf(ProducedProps.Of(() => new Detector(made, self, countsOnlyThisRoundsPongs)), "detector");
        foreach (var node in made)
        {
            node.Tell(Halt.Instance);
        }

        Receive<NodeFailed>(failed => Context.System.EventStream.Publish(new FailureReported(failed.Node)));
    }
}
