// Ported from Tests/Tests.Actors.BugFinding/Integration/ChainReplicationTests.cs of microsoft/coyote (MIT licence,
// Copyright (c) Microsoft Corporation): the same protocol, bug and property, written anew for Akka.NET.
//
// Chain replication (van Renesse and Schneider, OSDI 2004): three servers in a chain, the head
// numbering and passing on two clients' updates, the tail answering them and the queries, and a
// master that takes out of the chain each server its failure detector reports. The original's
// detector has no timer: where the P model it comes from had one, it decides on a random boolean
// whether the server it checks has timed out; so does this one, on the detector's seeded stream. The
// original's two monitors become RunMonitors fed by the event stream at the moment an actor tells
// them, as the original's are. They keep copies where the original's share lists among their
// bookkeeping, and the tail tells its history too: without that, a server that has become the tail
// leaves a stale history behind, which the original's shared lists happen to hide, and the fixed
// chain fails the monitor.
// The planted bug: a server takes the sequence number of every update it is forwarded, the head
// too. After two failures only the first server is left, head and tail at once and its own
// successor; taking back its own forward of an update it numbered before the latest one sets its
// counter back, and the next update repeats a number: its history is no longer sorted (the
// original's "Sequence is not sorted.").
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

public static class ChainReplicationProtocol
{
    public const int Servers = 3;

    public static CorpusProgram Program { get; } = new(
        Name: "chain-replication",
        Origin: "microsoft/coyote Tests/Tests.Actors.BugFinding/Integration/ChainReplicationTests.cs (MIT licence, Copyright (c) Microsoft Corporation)",
        Bug: "A server takes the sequence number of every update forwarded to it, the head too: once two failures leave one "
            + "server, head, tail and its own successor, its own forward of an earlier update sets its counter back and the "
            + "next update reuses a number, so its history is not sorted.",
        Invariant: UpdatePropagationMonitor.Invariant,
        Buggy: Setup(headKeepsItsNumbering: false),
        Correct: Setup(headKeepsItsNumbering: true),
        Monitors: static () => [new UpdatePropagationMonitor(), new ResponseSequenceMonitor()],
        Settings: new ActorExplorationSettings
        {
            // The servers are nodes of a network: per-channel FIFO, as Akka remoting keeps it. The
            // failure detector, as the original's, counts on the messages it sent itself staying ahead
            // of the master's answer to the failure it reported after them; a Tell to Self is in the
            // mailbox at once, and the channel model keeps that too.
            Model = ExecutionModel.LocalActors with { Delivery = DeliveryOrder.Channel },
            // A run ends by itself in under a thousand deliveries: the detector stops after its 100
            // rounds, the clients after their six requests. The bound only guards against a runaway.
            StepLimit = 20_000,
        });

    /// <summary>As the original's environment: the servers, the monitors told of the chain, the servers of their neighbours, the clients, the master.</summary>
    private static Action<IActorContext> Setup(bool headKeepsItsNumbering) => context =>
    {
        var servers = new IActorRef[Servers];
        for (var i = 0; i < Servers; i++)
        {
            var (head, tail) = (i == 0, i == Servers - 1);
            servers[i] = context.ActorOf(ProducedProps.Of(() => new ChainServer(head, tail, headKeepsItsNumbering)), $"server-{i}");
        }

        context.System.EventStream.Publish(new ChainChanged([.. servers]));
        for (var i = 0; i < Servers; i++)
        {
            servers[i].Tell(new Neighbours(servers[Math.Max(i - 1, 0)], servers[Math.Min(i + 1, Servers - 1)]));
        }

        IReadOnlyList<IActorRef> clients =
        [
            context.ActorOf(ProducedProps.Of(() => new Client(servers[0], servers[^1], 1)), "client-0"),
            context.ActorOf(ProducedProps.Of(() => new Client(servers[0], servers[^1], 100)), "client-1"),
        ];
        context.ActorOf(ProducedProps.Of(() => new Master(servers, clients)), "master");
    };
}
