using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// Finds someone in a picture who wants a drink. Recognition takes time (a 1.5 s timer, the
/// original's), then the client is anyone, adult or minor, anywhere in the room. A navigator's
/// failover kills its cognitive service, and with it a recognition in progress.
/// </summary>
public sealed class MockCognitiveService : UntypedActor, IWithTimers
{
    internal static readonly TimeSpan WorkTime = TimeSpan.FromSeconds(1.5);

    private long _recognitions;

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case RecognizeDrinksClient recognize:
                // One timer per request, as each of the original's StartTimer calls is its own timer.
                Timers.StartSingleTimer($"recognition-{_recognitions++}", new RecognitionDone(recognize.Requestor), WorkTime);
                break;
            case RecognitionDone done:
                var random = ActorRandom.For(Context.System).Of(Self);
                var where = Room.RandomLocation(random);
                var who = random.Next(2) == 0 ? PersonType.Adult : PersonType.Minor;
                done.Requestor.Tell(new DrinksClientDetails(new ClientDetails(who, where)));
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}

/// <summary>The room's size: clients and waypoints are anywhere from (2, 2) to (29, 29).</summary>
internal static class Room
{
    public static Location RandomLocation(DeterministicRandom random) => new(random.Next(2, 30), random.Next(2, 30));
}
