using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// Serves one drink: asks its navigator for an order (whom to serve), then for a route to that
/// client, drives the route one leg per half second, pours an appropriate drink and stops. A new
/// navigator may register at any time (the failover): the robot then switches to it, and if it
/// believes its drink-order request is still pending with the navigators (persisted, not yet
/// answered with a route) it drops what it was doing and waits for the new navigator to restart
/// that request. The flag <c>DrinkOrderPending</c> is the robot's half of that bargain, and the
/// planted bug is when it is cleared: the navigators forget the request when they send the route,
/// while the buggy robot still thinks it pending until its first leg is driven.
/// </summary>
public sealed class Robot : UntypedActor, IWithTimers, IWithUnboundedStash, IStateName
{
    internal static readonly TimeSpan MoveDuration = TimeSpan.FromSeconds(0.5);

    private static readonly Location StartingLocation = new(1, 1);
    private static readonly string[] AdultDrinks = ["beer", "wine", "gin and tonic"];
    private static readonly string[] MinorDrinks = ["lemonade", "water", "ginger ale"];

    private readonly IActorRef _driver;
    private readonly bool _clearsPendingOnRoute;
    private IActorRef? _navigator;
    private State _state = State.Init;
    private Location _coordinates = StartingLocation;
    private List<Location>? _route;
    private DrinkOrder? _order;
    private bool _drinkOrderPending;

    /// <param name="driver">Told when the robot is ready for a failover and when it has switched navigators.</param>
    /// <param name="clearsPendingOnRoute">The fix: the request stops being pending when the route arrives, as the navigators see it; false is the planted bug (only at the first leg driven).</param>
    public Robot(IActorRef driver, bool clearsPendingOnRoute)
    {
        _driver = driver;
        _clearsPendingOnRoute = clearsPendingOnRoute;
    }

    private enum State
    {
        Init,
        Active,
        ExecutingOrder,
        MovingOnRoute,
        Finished,
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName => _state.ToString();

    protected override void OnReceive(object message)
    {
        switch (_state, message)
        {
            // Every state handles a navigator's registration the same way (the original's states sit on Init, which handles it).
            case (_, RegisterNavigator register):
                OnRegisterNavigator(register.Navigator);
                break;
            case (State.Active, DrinkOrderConfirmed):
                _drinkOrderPending = true;
                _driver.Tell(new RobotReady());
                break;
            case (State.Active, DrinkOrderProduced produced):
                ExecuteOrder(produced.Order);
                break;
            case (State.ExecutingOrder, DrivingInstructions instructions):
                StartRoute(instructions.Route);
                break;
            case (State.MovingOnRoute, MoveTimerElapsed):
                NextMove();
                break;
            case (State.MovingOnRoute, DrinkOrderProduced):
                // A restarted request answered twice: the robot is already on its way.
                break;
            case (_, DrinkOrderProduced):
                // Deferred (as Init defers it beneath every state) until a state takes it.
                Stash.Stash();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnRegisterNavigator(IActorRef navigator)
    {
        var restart = false;
        if (_navigator is null)
        {
            restart = true;
        }
        else if (_drinkOrderPending)
        {
            // The new navigator will restart the persisted request: stop driving, and wait for its answer.
            StopMoving();
            Context.System.EventStream.Publish(new RobotIdle());
            restart = true;
        }

        _navigator = navigator;
        _driver.Tell(new NavigatorReset());
        if (restart)
        {
            EnterActive();
        }
    }

    /// <summary>Asks for a drink order unless one is pending already; busy either way.</summary>
    private void EnterActive()
    {
        GoTo(State.Active);
        if (!_drinkOrderPending)
        {
            _navigator!.Tell(new GetDrinkOrder(new RoomPicture(Context.System.Now)));
        }

        Context.System.EventStream.Publish(new RobotBusy());
    }

    private void ExecuteOrder(DrinkOrder order)
    {
        GoTo(State.ExecutingOrder);
        _order = order;
        _navigator!.Tell(new GetDrivingInstructions(_coordinates, order.Client.Coordinates));
        Context.System.EventStream.Publish(new RobotBusy());
    }

    private void StartRoute(IReadOnlyList<Location> route)
    {
        _route = [.. route];
        if (_clearsPendingOnRoute)
        {
            // The fix: the navigators deleted the request when they sent this route; it is pending no more.
            _drinkOrderPending = false;
        }

        Timers.StartSingleTimer(nameof(MoveTimerElapsed), new MoveTimerElapsed(), MoveDuration);
        GoTo(State.MovingOnRoute);
    }

    private void NextMove()
    {
        if (!_clearsPendingOnRoute)
        {
            // VARIANT (planted bug): too late. From the route's arrival until here, a new navigator finds
            // no request to restart, while this robot, believing one pending, waits for it.
            _drinkOrderPending = false;
        }

        if (_route is null)
        {
            return;
        }

        if (_route.Count > 0)
        {
            _coordinates = _route[0];
            _route.RemoveAt(0);
            Timers.StartSingleTimer(nameof(MoveTimerElapsed), new MoveTimerElapsed(), MoveDuration);
            return;
        }

        StopMoving();
        if (_coordinates != _order!.Client.Coordinates)
        {
            throw new InvalidOperationException($"the robot reached {_coordinates}, but its client is at {_order.Client.Coordinates}");
        }

        Serve(_order);
    }

    private void StopMoving()
    {
        _route = null;
        Timers.Cancel(nameof(MoveTimerElapsed));
    }

    private void Serve(DrinkOrder order)
    {
        var drinks = order.Client.PersonType == PersonType.Adult ? AdultDrinks : MinorDrinks;
        _ = drinks[ActorRandom.For(Context.System).Of(Self).Next(drinks.Length)];
        _coordinates = StartingLocation;
        _order = null;
        Context.System.EventStream.Publish(new RobotIdle());
        // One order per test, as the original's test runs: then the robot halts, by a halt queued behind what it holds.
        GoTo(State.Finished);
        Self.Tell(PoisonPill.Instance);
    }

    private void GoTo(State state)
    {
        _state = state;
        // The original re-examines deferred events at every change of state.
        Stash.UnstashAll();
    }
}
