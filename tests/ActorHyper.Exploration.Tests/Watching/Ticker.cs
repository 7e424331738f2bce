using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Sets one actor timer when told, and passes the tick on.</summary>
internal sealed class Ticker : ReceiveActor, IWithTimers
{
    public Ticker(IActorRef next)
    {
        Receive<string>(s => s == "start", _ => Timers.StartSingleTimer("tick", new Wanted(42), TimeSpan.FromMilliseconds(1)));
        Receive<Wanted>(tick => next.Tell(tick));
    }

    public ITimerScheduler Timers { get; set; } = null!;
}
