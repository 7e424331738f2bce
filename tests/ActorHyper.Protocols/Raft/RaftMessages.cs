using Akka.Actor;

namespace ActorHyper.Protocols.Raft;

/// <summary>One entry of a server's log: the command and the term of the leader that took it.</summary>
public sealed record LogEntry(int Term, int Command);

/// <summary>From the cluster manager to each server: who it is, who its peers are, whom to tell of leadership.</summary>
public sealed record ConfigureServer(int Id, IReadOnlyList<IActorRef> Servers, IActorRef ClusterManager);

/// <summary>From the setup to the cluster manager: configure the servers and the client.</summary>
public sealed record ConfigureCluster;

/// <summary>From the cluster manager to the client: where to send its requests.</summary>
public sealed record ConfigureClient(IActorRef Cluster);

/// <summary>A candidate asks for a vote in its term, saying how far its log goes.</summary>
public sealed record VoteRequest(int Term, IActorRef Candidate, int LastLogIndex, int LastLogTerm);

/// <summary>A server's answer to a vote request, with its own term; <paramref name="Voter"/> says who answers.</summary>
public sealed record VoteResponse(int Term, bool VoteGranted, IActorRef Voter);

/// <summary>
/// A leader's entries for a follower (none: a heartbeat), after the entry at <paramref name="PrevLogIndex"/>;
/// <paramref name="Client"/> is the client whose request they carry, if any, answered once a majority has them.
/// </summary>
public sealed record AppendEntriesRequest(
    int Term, IActorRef Leader, int PrevLogIndex, int PrevLogTerm, IReadOnlyList<LogEntry> Entries, int LeaderCommit, IActorRef? Client);

/// <summary>A follower's answer to an append: whether its log matched, and its term.</summary>
public sealed record AppendEntriesResponse(int Term, bool Success, IActorRef Server, IActorRef? Client);

/// <summary>A client's command for the replicated log.</summary>
public sealed record ClientRequest(IActorRef Client, int Command);

/// <summary>The leader's word to the client that its command is committed.</summary>
public sealed record ClientResponse;

/// <summary>A leader tells the cluster manager it leads from that term on.</summary>
public sealed record NotifyLeaderUpdate(IActorRef Leader, int Term);

/// <summary>A server that knows no leader hands a client's request back to the cluster manager.</summary>
public sealed record RedirectRequest(ClientRequest Request);

/// <summary>From the client (done) to the cluster manager, and from it to every server: stop.</summary>
public sealed record ShutDown;

/// <summary>A server's election timer: with no leader heard of, stand as candidate.</summary>
public sealed record ElectionTimeout;

/// <summary>A server's periodic timer: a candidate asks for votes again.</summary>
public sealed record PeriodicTimeout;

/// <summary>
/// Published on the event stream by a server as it becomes leader (the monitor sees it within that
/// step, as a Coyote monitor is notified synchronously).
/// </summary>
public sealed record LeaderElected(int Term, string Server);
