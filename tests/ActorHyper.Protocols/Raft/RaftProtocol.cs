// Ported from Tests/Tests.Actors.BugFinding/Integration/RaftTests.cs of microsoft/coyote (MIT licence,
// Copyright (c) Microsoft Corporation): the same protocol, bug and property, written anew for Akka.NET.
//
// Five Raft servers elect a leader and replicate a client's three commands; a cluster manager
// configures them and routes the client's requests to the leader it last heard of. Coyote's test
// models each server's election and periodic timers as timer machines that fire at any moment, or
// never; here they are the server's own Akka timers (what the explorer races against messages),
// armed where the original arms them, with the Raft paper's durations, and firing on a coin drawn
// from the server's seeded stream as the original's timers do. A candidate repeats its vote requests
// each period within its term; a follower grants its vote again to the candidate it already voted
// for, and the buggy candidate counts that second grant as a new vote, so two candidates of one term
// can both reach a majority. The monitor sees each election as it happens (the event stream) and
// fails when a term gets a second leader.
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.Raft;

public static class RaftProtocol
{
    public const int Servers = 5;

    public static CorpusProgram Program { get; } = new(
        Name: "raft",
        Origin: "microsoft/coyote Tests/Tests.Actors.BugFinding/Integration/RaftTests.cs (MIT licence, Copyright (c) Microsoft Corporation)",
        Bug: "A candidate repeats its vote requests within its term and counts every granted vote, so a follower that grants "
            + "its vote again is counted twice, and two candidates of the same term are both elected leader.",
        Invariant: OneLeaderPerTermMonitor.Invariant,
        Buggy: Setup(countsEachVoterOnce: false),
        Correct: Setup(countsEachVoterOnce: true),
        Monitors: static () => [new OneLeaderPerTermMonitor()],
        Settings: new ActorExplorationSettings
        {
            // The servers are nodes of a network: what one server sends another keeps its order on
            // that connection, but nothing orders messages across connections (a vote request that
            // went through a third server's reply may arrive after a later one), so per-channel FIFO,
            // as Akka remoting gives, not local Akka's causal delivery.
            Model = ExecutionModel.LocalActors with { Delivery = DeliveryOrder.Channel },
            // A run elects, replicates three commands and shuts down in a few hundred deliveries; a
            // request that bounces between the manager and a stale leader can go on for ever (as in the
            // original, whose test bounds its runs at 1,000 steps): bounded here too.
            StepLimit = 5_000,
            // Elections follow one another every few hundred milliseconds while timers keep firing.
            TimeLimit = TimeSpan.FromSeconds(30),
        });

    /// <summary>The servers, the client and the cluster manager under the run's parent; the manager configures the rest.</summary>
    private static Action<IActorContext> Setup(bool countsEachVoterOnce) => context =>
    {
        var servers = new IActorRef[Servers];
        for (var id = 0; id < Servers; id++)
        {
            servers[id] = context.ActorOf(ProducedProps.Of(() => new Server(countsEachVoterOnce)), $"server-{id}");
        }

        var client = context.ActorOf(ProducedProps.Of(static () => new Client()), "client");
        var manager = context.ActorOf(ProducedProps.Of(() => new ClusterManager(servers, client)), "cluster-manager");
        manager.Tell(new ConfigureCluster());
    };
}
