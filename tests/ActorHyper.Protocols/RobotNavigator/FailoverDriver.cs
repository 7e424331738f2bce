using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// The test's driver: builds the storage, a navigator (with its own cognitive service and route
/// planner) and the robot, and once the robot's request is persisted kills the navigator after a
/// random 500 to 999 ms (the original's time to live), waits for it to confirm, builds its successor
/// and wakes it. After the robot has switched to the second successor it stops everything; with one
/// order per test the robot never asks again, so one failover is what a test gets.
/// </summary>
public sealed class FailoverDriver : UntypedActor, IWithTimers, IStateName
{
    internal const int NavigatorTimeToLiveMs = 500;

    private readonly bool _fixedRobot;
    private IActorRef _storage = ActorRefs.Nobody;
    private IActorRef _robot = ActorRefs.Nobody;
    private IActorRef _navigator = ActorRefs.Nobody;
    private int _navigators;
    private int _resets;
    private bool _terminating;

    /// <param name="fixedRobot">Builds the robot with the fix (true) or with the planted bug.</param>
    public FailoverDriver(bool fixedRobot) => _fixedRobot = fixedRobot;

    public ITimerScheduler Timers { get; set; } = null!;

    public string CurrentStateName => _terminating ? "TerminatingNavigator" : "Active";

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case StartFailover:
                Start();
                break;
            case RobotReady when !_terminating:
                // Only now is a kill interesting: the robot's request is in the storage.
                var ttl = ActorRandom.For(Context.System).Of(Self).Next(NavigatorTimeToLiveMs) + NavigatorTimeToLiveMs;
                Timers.StartSingleTimer(nameof(NavigatorTimeToLiveElapsed), new NavigatorTimeToLiveElapsed(), TimeSpan.FromMilliseconds(ttl));
                break;
            case NavigatorTimeToLiveElapsed when !_terminating:
                _terminating = true;
                Timers.Cancel(nameof(NavigatorTimeToLiveElapsed));
                _navigator.Tell(new TerminateNavigator());
                break;
            case NavigatorTimeToLiveElapsed:
                break;
            case NavigatorHalted when _terminating:
                _navigator = CreateNavigator();
                _navigator.Tell(new WakeUp(_robot));
                break;
            case NavigatorReset when _terminating:
                _resets++;
                if (_resets != 1)
                {
                    StopAll();
                    return;
                }

                _terminating = false;
                break;
            case NavigatorReset:
                // The robot's first registration: nothing was failed over.
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Start()
    {
        _storage = Context.ActorOf(ProducedProps.Of(() => new MockStorage()), "storage");
        _navigator = CreateNavigator();
        var self = Self;
        var fixedRobot = _fixedRobot;
        _robot = Context.ActorOf(ProducedProps.Of(() => new Robot(self, fixedRobot)), "robot");
        _navigator.Tell(new WakeUp(_robot));
    }

    /// <summary>A navigator and its two services, numbered: each incarnation is a new actor.</summary>
    private IActorRef CreateNavigator()
    {
        var n = ++_navigators;
        var cognitiveService = Context.ActorOf(ProducedProps.Of(() => new MockCognitiveService()), $"cognitive-service-{n}");
        var routePlanner = Context.ActorOf(ProducedProps.Of(() => new MockRoutePlanner()), $"route-planner-{n}");
        // Captured before the lambda: it runs in the child's construction, where Self is the child.
        var self = Self;
        var storage = _storage;
        return Context.ActorOf(ProducedProps.Of(() => new Navigator(self, storage, cognitiveService, routePlanner)), $"navigator-{n}");
    }

    private void StopAll()
    {
        _robot.Tell(PoisonPill.Instance);
        _navigator.Tell(PoisonPill.Instance);
        _storage.Tell(PoisonPill.Instance);
        Context.Stop(Self);
    }
}
