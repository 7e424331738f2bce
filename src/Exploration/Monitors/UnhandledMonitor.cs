using ActorHyper.Exploration.Trace;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// Fails a run, as <c>unhandled</c>, when an actor does not handle a message (Akka publishes an
/// <see cref="UnhandledMessage"/> and otherwise drops it): the reason names the actor's path and type,
/// the message and its sender. Messages that <paramref name="allowed"/> accepts pass.
/// </summary>
/// <param name="allowed">Given the receiving actor's type (its Props') and the message: true for a message it may leave unhandled.</param>
public sealed class UnhandledMonitor(Func<Type, object, bool>? allowed = null) : RunMonitor, IStateDigest
{
    public override string Name => "unhandled";

    /// <summary>It fails a run where it sees an unhandled message and keeps nothing between events.</summary>
    public ulong StateDigest() => 0;

    public override bool WantsEvent(Type eventType) => typeof(UnhandledMessage).IsAssignableFrom(eventType);

    public override void OnEvent(object published)
    {
        if (published is not UnhandledMessage unhandled)
        {
            return;
        }

        var actorType = ActorCells.Of(unhandled.Recipient)?.Props.Type ?? typeof(ActorBase);
        if (allowed is not null && allowed(actorType, unhandled.Message))
        {
            return;
        }

        Fail($"{ActorCells.PathText(unhandled.Recipient)} ({actorType.Name}) did not handle {ActorCells.Describe(unhandled.Message)} " +
            $"from {ActorCells.PathText(unhandled.Sender)}");
    }
}
