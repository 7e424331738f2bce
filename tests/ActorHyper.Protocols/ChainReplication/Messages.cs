using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>To a server at the start: its neighbours in the chain (the head is its own predecessor, the tail its own successor).</summary>
public sealed record Neighbours(IActorRef Predecessor, IActorRef Successor);

/// <summary>From a client to the head: write <paramref name="Value"/> under <paramref name="Key"/>.</summary>
public sealed record Update(IActorRef Client, int Key, int Value);

/// <summary>From a client to the tail: read <paramref name="Key"/>.</summary>
public sealed record Query(IActorRef Client, int Key);

/// <summary>From the tail to a client: its update is in every server of the chain.</summary>
public sealed record UpdateDone
{
    public static readonly UpdateDone Instance = new();
}

/// <summary>From the tail to a client: the value read, -1 for a key never written.</summary>
public sealed record QueryResult(int Value);

/// <summary>Down the chain: an update numbered <paramref name="Seq"/> by the head, passed on by <paramref name="Predecessor"/>.</summary>
public sealed record ForwardUpdate(IActorRef Predecessor, int Seq, IActorRef Client, int Key, int Value);

/// <summary>Up the chain: the update numbered <paramref name="Seq"/> has reached the tail.</summary>
public sealed record BackwardAck(int Seq);

/// <summary>From the master to the head's successor once the head has failed.</summary>
public sealed record BecomeHead(IActorRef Master);

/// <summary>From the new head to the master.</summary>
public sealed record HeadChanged
{
    public static readonly HeadChanged Instance = new();
}

/// <summary>From the master to the tail's predecessor once the tail has failed.</summary>
public sealed record BecomeTail(IActorRef Master);

/// <summary>From the new tail to the master.</summary>
public sealed record TailChanged
{
    public static readonly TailChanged Instance = new();
}

/// <summary>From the master to each client after a failure (the clients have stopped by then, as in the original).</summary>
public sealed record NewHeadTail(IActorRef Head, IActorRef Tail);

/// <summary>From the failure detector to a server.</summary>
public sealed record Ping(IActorRef Detector);

/// <summary>From a server (or the failure detector itself) to the failure detector: the server checked is alive.</summary>
public sealed record Pong
{
    public static readonly Pong Instance = new();
}

/// <summary>The failure detector to itself: take the server checked as failed (its timeout, drawn at random).</summary>
public sealed record InjectFailure
{
    public static readonly InjectFailure Instance = new();
}

/// <summary>From the failure detector to the master.</summary>
public sealed record FailureDetected(IActorRef Server);

/// <summary>From the master to the failure detector: the chain without the failed server.</summary>
public sealed record FailureCorrected(IReadOnlyList<IActorRef> Servers);
