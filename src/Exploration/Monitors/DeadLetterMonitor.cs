using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// Counts a run's dead letters of user messages (a message of a type outside Akka's assembly that
/// reached no actor: sent to one that had stopped, or held for it when it stopped), and fails the run
/// with the first, as <c>dead-letter</c>, when <paramref name="violations"/> says so. Akka's own
/// messages (a stop's, a watch's) are not counted: they die with actors by design.
/// </summary>
public sealed class DeadLetterMonitor(bool violations = false) : RunMonitor, IStateDigest
{
    private static readonly System.Reflection.Assembly Akka = typeof(ActorBase).Assembly;

    public override string Name => "dead-letter";

    /// <summary>User messages that became dead letters in this run.</summary>
    public int Count { get; private set; }

    /// <summary>The count is the run's report, not a verdict (one dead letter fails the run at once when asked): no state the future depends on.</summary>
    public ulong StateDigest() => 0;

    public override void OnRunStart() => Count = 0;

    public override bool WantsEvent(Type eventType) => eventType == typeof(DeadLetter);

    public override void OnEvent(object published)
    {
        if (published is not DeadLetter dead || DeliveredMessage.Unwrap(dead.Message).GetType().Assembly == Akka)
        {
            return;
        }

        Count++;
        if (violations)
        {
            Fail($"{ActorCells.Describe(dead.Message)} from {ActorCells.PathText(dead.Sender)} to {ActorCells.PathText(dead.Recipient)} became a dead letter");
        }
    }
}
