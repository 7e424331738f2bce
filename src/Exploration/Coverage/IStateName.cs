namespace ActorHyper.Exploration.Coverage;

/// <summary>
/// An actor that can name the state it is in (the behaviour it has become, a phase), for the
/// exploration's coverage: each delivery counts as (actor type, message type, this name). Akka's
/// <c>FSM</c> actors need not implement it: their <c>StateName</c> is read. Called on the driver's
/// thread before the message's handler runs, so it must be cheap and must not change the actor.
/// </summary>
public interface IStateName
{
    string CurrentStateName { get; }
}
