using ActorHyper.Exploration.Coverage;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// Serves the robot's requests with the help of the cognitive service (whom to serve) and the
/// route planner (how to get there), and survives its own replacement: a drink-order request is
/// written to the storage before it is confirmed, and deleted only once its route has gone to the
/// robot, so a successor that finds it there restarts it. A route request is not persisted: the
/// robot asks again. Paused until the driver wakes it (a termination waits until then); killed by
/// the driver, it takes its two services down with it and says so.
/// </summary>
public sealed class Navigator : UntypedActor, IWithUnboundedStash, IStateName
{
    internal const string DrinkOrderKey = "drink-order";

    private readonly IActorRef _driver;
    private readonly IActorRef _storage;
    private readonly IActorRef _cognitiveService;
    private readonly IActorRef _routePlanner;
    private IActorRef _robot = ActorRefs.Nobody;
    private bool _active;
    private bool _terminating;

    public Navigator(IActorRef driver, IActorRef storage, IActorRef cognitiveService, IActorRef routePlanner)
    {
        _driver = driver;
        _storage = storage;
        _cognitiveService = cognitiveService;
        _routePlanner = routePlanner;
    }

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName => _active ? "Active" : "Paused";

    protected override void OnReceive(object message)
    {
        if (_active)
        {
            Active(message);
        }
        else
        {
            Paused(message);
        }
    }

    private void Paused(object message)
    {
        switch (message)
        {
            case WakeUp wakeUp:
                _robot = wakeUp.Robot;
                // The robot learns of its new navigator first, then the storage is asked what the old one left.
                _robot.Tell(new RegisterNavigator(Self));
                _storage.Tell(new ReadKey(Self, DrinkOrderKey));
                break;
            case KeyValue stored:
                if (stored.Key is null)
                {
                    throw new InvalidOperationException("the storage answered a read with no key");
                }

                if (stored.Key == DrinkOrderKey && stored.Value is GetDrinkOrder pending)
                {
                    // The predecessor was killed holding this request: carry it on, unconfirmed (the robot knows it is pending).
                    RecognizeClientIn(pending);
                }

                _active = true;
                Stash.UnstashAll();
                break;
            case TerminateNavigator or GetDrinkOrder or GetDrivingInstructions:
                // Deferred until the navigator knows what its predecessor left.
                Stash.Stash();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Active(object message)
    {
        switch (message)
        {
            case GetDrinkOrder request:
                _storage.Tell(new WriteKey(Self, DrinkOrderKey, request));
                break;
            case WriteConfirmed { Key: DrinkOrderKey } written:
                if (written.Existing)
                {
                    throw new InvalidOperationException($"the storage already held '{DrinkOrderKey}': a drink-order request was lost");
                }

                _robot.Tell(new DrinkOrderConfirmed());
                RecognizeClientIn((GetDrinkOrder)written.Value);
                break;
            case WriteConfirmed:
                break;
            case DrinksClientDetails found:
                _robot.Tell(new DrinkOrderProduced(new DrinkOrder(found.Details)));
                break;
            case GetDrivingInstructions request:
                _routePlanner.Tell(new GetRoute(Self, request.From, request.To));
                break;
            case DrivingInstructions route:
                _robot.Tell(route);
                // The order is done as far as the navigator goes: its record goes.
                _storage.Tell(new DeleteKey(Self, DrinkOrderKey));
                break;
            case KeyValue:
                break;
            case TerminateNavigator:
                Terminate();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void RecognizeClientIn(GetDrinkOrder request) => _cognitiveService.Tell(new RecognizeDrinksClient(Self, request.Picture));

    private void Terminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        // The original halts them with a queued halt event: a poison pill is the same, after what they already hold.
        _cognitiveService.Tell(PoisonPill.Instance);
        _routePlanner.Tell(PoisonPill.Instance);
        _driver.Tell(new NavigatorHalted());
        Context.Stop(Self);
    }
}
