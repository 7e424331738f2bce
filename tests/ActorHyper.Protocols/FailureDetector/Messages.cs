using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>From the detector to a node: are you alive? <paramref name="Round"/> is the detector's round.</summary>
public sealed record Ping(IActorRef Detector, int Round);

/// <summary>From a node to the detector: the answer to a ping of <paramref name="Round"/>.</summary>
public sealed record Pong(IActorRef Node, int Round);

/// <summary>From the driver to a node: the failure injected; the node stops (the original's halt event).</summary>
public sealed record Halt
{
    public static readonly Halt Instance = new();
}

/// <summary>From the detector to its client: <paramref name="Node"/> did not answer a round.</summary>
public sealed record NodeFailed(IActorRef Node);

/// <summary>From the detector to its timer: time out after <paramref name="After"/>.</summary>
public sealed record StartTimer(TimeSpan After);

/// <summary>From the detector to its timer: cancel the timeout pending.</summary>
public sealed record CancelTimer
{
    public static readonly CancelTimer Instance = new();
}

/// <summary>From the timer: cancelled before it fired.</summary>
public sealed record CancelSuccess
{
    public static readonly CancelSuccess Instance = new();
}

/// <summary>From the timer: nothing to cancel (it has fired, or was never started).</summary>
public sealed record CancelFailure
{
    public static readonly CancelFailure Instance = new();
}

/// <summary>From the timer to the detector: the time is up.</summary>
public sealed record Timeout
{
    public static readonly Timeout Instance = new();
}
