using ActorHyper.Exploration.Coverage;
using Akka.Actor;

namespace ActorHyper.Protocols.FailureDetector;

/// <summary>
/// The detector's cancellable timer, as the original's timer machine: started, it times out once
/// unless cancelled first; a start while one is pending is dropped; a cancel is answered with success
/// if the timeout was still pending, with failure otherwise. The original fires at a moment of the
/// tester's choosing and draws a coin for a cancel that meets a firing timer; this one arms an Akka
/// timer of the duration asked, and the explorer chooses how the timeout races the cancel.
/// </summary>
public sealed class DetectorTimer : ReceiveActor, IWithTimers, IStateName
{
    private const string Key = "timeout";

    private readonly IActorRef _target;

    public DetectorTimer(IActorRef target)
    {
        _target = target;
        Idle();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public string CurrentStateName { get; private set; } = "";

    private void Idle()
    {
        CurrentStateName = "Idle";
        Receive<StartTimer>(start =>
        {
            Timers.StartSingleTimer(Key, Elapsed.Instance, start.After);
            Become(Pending);
        });
        Receive<CancelTimer>(_ => _target.Tell(CancelFailure.Instance));
    }

    private void Pending()
    {
        CurrentStateName = "Pending";
        Receive<StartTimer>(_ => { });
        Receive<CancelTimer>(_ =>
        {
            Timers.Cancel(Key);
            _target.Tell(CancelSuccess.Instance);
            Become(Idle);
        });
        Receive<Elapsed>(_ =>
        {
            _target.Tell(Timeout.Instance);
            Become(Idle);
        });
    }

    private sealed record Elapsed
    {
        public static readonly Elapsed Instance = new();
    }
}
