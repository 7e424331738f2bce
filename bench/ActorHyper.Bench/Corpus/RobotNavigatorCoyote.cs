// The robot-navigator program of the corpus against Coyote's own actor API, for the bench: Coyote's
// sample Samples/DrinksServingRobotActors (MIT licence, Copyright (c) Microsoft Corporation), written
// anew, with the same reductions as the Akka.NET port (tests/ActorHyper.Protocols/RobotNavigator):
// one order per test, pictures reduced to their time, drinks to a draw. Coyote runs its timers as
// nondeterministic events, whatever their durations; the durations are the original's all the same.
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Actors.Timers;
using Microsoft.Coyote.Specifications;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace ActorHyper.Bench.Corpus;

public static class RobotNavigatorCoyote
{
    private const string DrinkOrderKey = "drink-order";

    /// <summary>The test body with the planted bug (the robot clears its pending order at its first move).</summary>
    public static void Buggy(IActorRuntime runtime) => Start(runtime, fixedRobot: false);

    /// <summary>The test body with the docs' fix (the robot clears it when the route arrives).</summary>
    public static void Correct(IActorRuntime runtime) => Start(runtime, fixedRobot: true);

    /// <summary>
    /// From docs/samples/actors/failover-robot-navigator.md: <c>coyote test ... -i 1000 -ms 2000 -s prioritization -sv 10</c>
    /// (the prioritization strategy with 10 priority switches, 2000 steps at most).
    /// </summary>
    public static string DocsStrategy => "prioritization:10";

    private static void Start(IActorRuntime runtime, bool fixedRobot)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.RegisterMonitor<LivenessMonitor>();
        runtime.CreateActor(typeof(FailoverDriver), new DriverConfig(fixedRobot));
    }

    // ---- Events.

    internal sealed class DriverConfig(bool fixedRobot) : CoyoteEvent
    {
        public bool FixedRobot { get; } = fixedRobot;
    }

    internal sealed class RobotConfig(ActorId driver, bool fixedRobot) : CoyoteEvent
    {
        public ActorId Driver { get; } = driver;

        public bool FixedRobot { get; } = fixedRobot;
    }

    internal sealed class NavigatorConfig(ActorId driver, ActorId storage, ActorId cognitiveService, ActorId routePlanner) : CoyoteEvent
    {
        public ActorId Driver { get; } = driver;

        public ActorId Storage { get; } = storage;

        public ActorId CognitiveService { get; } = cognitiveService;

        public ActorId RoutePlanner { get; } = routePlanner;
    }

    internal sealed class WakeUp(ActorId robot) : CoyoteEvent
    {
        public ActorId Robot { get; } = robot;
    }

    internal sealed class RegisterNavigator(ActorId navigator) : CoyoteEvent
    {
        public ActorId Navigator { get; } = navigator;
    }

    internal sealed class TerminateNavigator : CoyoteEvent;

    internal sealed class NavigatorHalted : CoyoteEvent;

    /// <summary>The picture is its number: what is in it never mattered to the protocol.</summary>
    internal sealed class GetDrinkOrder(int picture) : CoyoteEvent
    {
        public int Picture { get; } = picture;
    }

    internal sealed class DrinkOrderConfirmed : CoyoteEvent;

    internal sealed class DrinkOrderProduced((int X, int Y) client, bool adult) : CoyoteEvent
    {
        public (int X, int Y) Client { get; } = client;

        public bool Adult { get; } = adult;
    }

    internal sealed class GetDrivingInstructions((int X, int Y) from, (int X, int Y) to) : CoyoteEvent
    {
        public (int X, int Y) From { get; } = from;

        public (int X, int Y) To { get; } = to;
    }

    internal sealed class RobotReady : CoyoteEvent;

    internal sealed class NavigatorReset : CoyoteEvent;

    internal sealed class MoveTimerElapsed : TimerElapsedEvent;

    internal sealed class ReadKey(ActorId requestor, string key) : CoyoteEvent
    {
        public ActorId Requestor { get; } = requestor;

        public string Key { get; } = key;
    }

    internal sealed class WriteKey(ActorId requestor, string key, object value) : CoyoteEvent
    {
        public ActorId Requestor { get; } = requestor;

        public string Key { get; } = key;

        public object Value { get; } = value;
    }

    internal sealed class DeleteKey(ActorId requestor, string key) : CoyoteEvent
    {
        public ActorId Requestor { get; } = requestor;

        public string Key { get; } = key;
    }

    internal sealed class KeyValue(string key, object? value) : CoyoteEvent
    {
        public string Key { get; } = key;

        public object? Value { get; } = value;
    }

    internal sealed class WriteConfirmed(string key, object value, bool existing) : CoyoteEvent
    {
        public string Key { get; } = key;

        public object Value { get; } = value;

        public bool Existing { get; } = existing;
    }

    internal sealed class RecognizeDrinksClient(ActorId requestor, int picture) : CoyoteEvent
    {
        public ActorId Requestor { get; } = requestor;

        public int Picture { get; } = picture;
    }

    internal sealed class RecognitionDone : TimerElapsedEvent
    {
        public ActorId? Requestor { get; init; }
    }

    internal sealed class DrinksClientDetails((int X, int Y) client, bool adult) : CoyoteEvent
    {
        public (int X, int Y) Client { get; } = client;

        public bool Adult { get; } = adult;
    }

    internal sealed class GetRoute(ActorId requestor, (int X, int Y) end) : CoyoteEvent
    {
        public ActorId Requestor { get; } = requestor;

        public (int X, int Y) End { get; } = end;
    }

    internal sealed class DrivingInstructions(IReadOnlyList<(int X, int Y)> route) : CoyoteEvent
    {
        public IReadOnlyList<(int X, int Y)> Route { get; } = route;
    }

    /// <summary>Anywhere in the room from (2, 2) to (29, 29).</summary>
    private static (int X, int Y) RandomLocation(Func<int, int> randomInteger) => (randomInteger(28) + 2, randomInteger(28) + 2);

    // ---- The liveness monitor: hot while something is owed to the robot.

    internal sealed class LivenessMonitor : CoyoteMonitor
    {
        internal sealed class Busy : Event;

        internal sealed class Idle : Event;

        [Start]
        [Cold]
        [OnEventGotoState(typeof(Busy), typeof(Waiting))]
        [IgnoreEvents(typeof(Idle))]
        private sealed class Served : State;

        [Hot]
        [OnEventGotoState(typeof(Idle), typeof(Served))]
        [IgnoreEvents(typeof(Busy))]
        private sealed class Waiting : State;
    }

    // ---- The storage that outlives navigators.

    [OnEventDoAction(typeof(ReadKey), nameof(OnRead))]
    [OnEventDoAction(typeof(WriteKey), nameof(OnWrite))]
    [OnEventDoAction(typeof(DeleteKey), nameof(OnDelete))]
    internal sealed class MockStorage : Actor
    {
        private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

        private void OnRead(CoyoteEvent e)
        {
            var read = (ReadKey)e;
            SendEvent(read.Requestor, new KeyValue(read.Key, _values.GetValueOrDefault(read.Key)));
        }

        private void OnWrite(CoyoteEvent e)
        {
            var write = (WriteKey)e;
            var existing = _values.ContainsKey(write.Key);
            _values[write.Key] = write.Value;
            SendEvent(write.Requestor, new WriteConfirmed(write.Key, write.Value, existing));
        }

        private void OnDelete(CoyoteEvent e) => _values.Remove(((DeleteKey)e).Key);
    }

    // ---- The navigator's two services.

    [OnEventDoAction(typeof(RecognizeDrinksClient), nameof(OnRecognize))]
    [OnEventDoAction(typeof(RecognitionDone), nameof(OnRecognized))]
    internal sealed class MockCognitiveService : Actor
    {
        private static readonly TimeSpan WorkTime = TimeSpan.FromSeconds(1.5);

        private void OnRecognize(CoyoteEvent e) =>
            StartTimer(WorkTime, new RecognitionDone { Requestor = ((RecognizeDrinksClient)e).Requestor });

        private void OnRecognized(CoyoteEvent e)
        {
            var client = RandomLocation(RandomInteger);
            SendEvent(((RecognitionDone)e).Requestor!, new DrinksClientDetails(client, RandomInteger(2) == 0));
        }
    }

    [OnEventDoAction(typeof(GetRoute), nameof(OnGetRoute))]
    internal sealed class MockRoutePlanner : Actor
    {
        private void OnGetRoute(CoyoteEvent e)
        {
            var request = (GetRoute)e;
            var legs = RandomInteger(3) + 1;
            var route = new List<(int X, int Y)>(legs);
            for (var i = 1; i < legs; i++)
            {
                route.Add(RandomLocation(RandomInteger));
            }

            route.Add(request.End);
            SendEvent(request.Requestor, new DrivingInstructions(route));
        }
    }

    // ---- The navigator: persists the drink-order request, restarts one its predecessor left.

    internal sealed class Navigator : StateMachine
    {
        private ActorId? _driver;
        private ActorId? _storage;
        private ActorId? _cognitiveService;
        private ActorId? _routePlanner;
        private ActorId? _robot;
        private bool _terminating;

        [Start]
        [OnEntry(nameof(OnInit))]
        [OnEventDoAction(typeof(TerminateNavigator), nameof(OnTerminate))]
        [DeferEvents(typeof(WakeUp), typeof(GetDrinkOrder), typeof(GetDrivingInstructions))]
        private sealed class Init : State;

        [OnEventDoAction(typeof(WakeUp), nameof(OnWakeUp))]
        [OnEventDoAction(typeof(KeyValue), nameof(OnStoredRead))]
        [DeferEvents(typeof(TerminateNavigator), typeof(GetDrinkOrder), typeof(GetDrivingInstructions))]
        private sealed class Paused : State;

        [OnEventDoAction(typeof(GetDrinkOrder), nameof(OnGetDrinkOrder))]
        [OnEventDoAction(typeof(WriteConfirmed), nameof(OnWriteConfirmed))]
        [OnEventDoAction(typeof(GetDrivingInstructions), nameof(OnGetDrivingInstructions))]
        [OnEventDoAction(typeof(DrinksClientDetails), nameof(OnClientFound))]
        [OnEventDoAction(typeof(DrivingInstructions), nameof(OnRouteFound))]
        [IgnoreEvents(typeof(KeyValue))]
        private sealed class Active : State;

        private void OnInit(CoyoteEvent e)
        {
            var config = (NavigatorConfig)e;
            _driver = config.Driver;
            _storage = config.Storage;
            _cognitiveService = config.CognitiveService;
            _routePlanner = config.RoutePlanner;
            RaisePushStateEvent<Paused>();
        }

        private void OnWakeUp(CoyoteEvent e)
        {
            _robot = ((WakeUp)e).Robot;
            SendEvent(_robot, new RegisterNavigator(Id));
            SendEvent(_storage!, new ReadKey(Id, DrinkOrderKey));
        }

        private void OnStoredRead(CoyoteEvent e)
        {
            var stored = (KeyValue)e;
            Assert(stored.Key is not null, "the storage answered a read with no key");
            if (stored.Key == DrinkOrderKey && stored.Value is GetDrinkOrder pending)
            {
                Recognize(pending);
            }

            RaiseGotoStateEvent<Active>();
        }

        private void OnGetDrinkOrder(CoyoteEvent e) => SendEvent(_storage!, new WriteKey(Id, DrinkOrderKey, e));

        private void OnWriteConfirmed(CoyoteEvent e)
        {
            var written = (WriteConfirmed)e;
            if (written.Key != DrinkOrderKey)
            {
                return;
            }

            Assert(!written.Existing, "the storage already held the drink order: a request was lost");
            SendEvent(_robot!, new DrinkOrderConfirmed());
            Recognize((GetDrinkOrder)written.Value);
        }

        private void Recognize(GetDrinkOrder request)
        {
            SendEvent(_cognitiveService!, new RecognizeDrinksClient(Id, request.Picture));
        }

        private void OnClientFound(CoyoteEvent e)
        {
            var found = (DrinksClientDetails)e;
            SendEvent(_robot!, new DrinkOrderProduced(found.Client, found.Adult));
        }

        private void OnGetDrivingInstructions(CoyoteEvent e) =>
            SendEvent(_routePlanner!, new GetRoute(Id, ((GetDrivingInstructions)e).To));

        private void OnRouteFound(CoyoteEvent e)
        {
            SendEvent(_robot!, e);
            SendEvent(_storage!, new DeleteKey(Id, DrinkOrderKey));
        }

        private void OnTerminate()
        {
            if (_terminating)
            {
                return;
            }

            _terminating = true;
            SendEvent(_cognitiveService!, HaltEvent.Instance);
            SendEvent(_routePlanner!, HaltEvent.Instance);
            SendEvent(_driver!, new NavigatorHalted());
            RaiseHaltEvent();
        }
    }

    // ---- The robot: one order, and a switch to whichever navigator registers last.

    internal sealed class Robot : StateMachine
    {
        private static readonly TimeSpan MoveDuration = TimeSpan.FromSeconds(0.5);
        private static readonly (int X, int Y) StartingLocation = (1, 1);
        private static readonly string[] AdultDrinks = ["beer", "wine", "gin and tonic"];
        private static readonly string[] MinorDrinks = ["lemonade", "water", "ginger ale"];

        private ActorId? _driver;
        private ActorId? _navigator;
        private bool _fixed;
        private bool _drinkOrderPending;
        private int _pictures;
        private (int X, int Y) _coordinates = StartingLocation;
        private (int X, int Y) _client;
        private bool _adultClient;
        private List<(int X, int Y)>? _route;
        private TimerInfo? _moveTimer;

        [Start]
        [OnEntry(nameof(OnInit))]
        [OnEventDoAction(typeof(RegisterNavigator), nameof(OnRegisterNavigator))]
        [DeferEvents(typeof(DrinkOrderProduced))]
        private sealed class Init : State;

        [OnEntry(nameof(OnEnterActive))]
        [OnEventGotoState(typeof(DrinkOrderProduced), typeof(ExecutingOrder))]
        [OnEventDoAction(typeof(DrinkOrderConfirmed), nameof(OnDrinkOrderConfirmed))]
        private sealed class Active : State;

        [OnEntry(nameof(OnEnterExecutingOrder))]
        [OnEventGotoState(typeof(DrivingInstructions), typeof(MovingOnRoute))]
        private sealed class ExecutingOrder : State;

        [OnEntry(nameof(OnEnterMovingOnRoute))]
        [OnEventDoAction(typeof(MoveTimerElapsed), nameof(OnNextMove))]
        [IgnoreEvents(typeof(DrinkOrderProduced))]
        private sealed class MovingOnRoute : State;

        [OnEntry(nameof(OnEnterFinished))]
        private sealed class Finished : State;

        private void OnInit(CoyoteEvent e)
        {
            var config = (RobotConfig)e;
            _driver = config.Driver;
            _fixed = config.FixedRobot;
        }

        private void OnRegisterNavigator(CoyoteEvent e)
        {
            var navigator = ((RegisterNavigator)e).Navigator;
            if (_navigator is null)
            {
                _navigator = navigator;
                RaisePushStateEvent<Active>();
            }
            else
            {
                _navigator = navigator;
                if (_drinkOrderPending)
                {
                    // The new navigator restarts the persisted request: stop, and wait for its answer.
                    StopMoving();
                    RaiseGotoStateEvent<Active>();
                    Monitor<LivenessMonitor>(new LivenessMonitor.Idle());
                }
            }

            SendEvent(_driver!, new NavigatorReset());
        }

        private void OnEnterActive()
        {
            if (!_drinkOrderPending)
            {
                SendEvent(_navigator!, new GetDrinkOrder(++_pictures));
            }

            Monitor<LivenessMonitor>(new LivenessMonitor.Busy());
        }

        private void OnDrinkOrderConfirmed()
        {
            _drinkOrderPending = true;
            SendEvent(_driver!, new RobotReady());
        }

        private void OnEnterExecutingOrder(CoyoteEvent e)
        {
            var order = (DrinkOrderProduced)e;
            _client = order.Client;
            _adultClient = order.Adult;
            SendEvent(_navigator!, new GetDrivingInstructions(_coordinates, _client));
            Monitor<LivenessMonitor>(new LivenessMonitor.Busy());
        }

        private void OnEnterMovingOnRoute(CoyoteEvent e)
        {
            _route = [.. ((DrivingInstructions)e).Route];
            if (_fixed)
            {
                _drinkOrderPending = false;
            }

            _moveTimer = StartTimer(MoveDuration, new MoveTimerElapsed());
        }

        private void OnNextMove()
        {
            if (!_fixed)
            {
                // The planted bug: cleared only now, half a second after the navigators forgot the request.
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
                _moveTimer = StartTimer(MoveDuration, new MoveTimerElapsed());
                return;
            }

            StopMoving();
            Assert(_coordinates == _client, "the robot reached the end of its route, but not its client");
            var drinks = _adultClient ? AdultDrinks : MinorDrinks;
            _ = drinks[RandomInteger(drinks.Length)];
            _coordinates = StartingLocation;
            Monitor<LivenessMonitor>(new LivenessMonitor.Idle());
            RaiseGotoStateEvent<Finished>();
        }

        private void StopMoving()
        {
            _route = null;
            if (_moveTimer is not null)
            {
                StopTimer(_moveTimer);
                _moveTimer = null;
            }
        }

        private void OnEnterFinished()
        {
            Monitor<LivenessMonitor>(new LivenessMonitor.Idle());
            SendEvent(Id, HaltEvent.Instance);
        }
    }

    // ---- The driver: kills the navigator 500 to 999 ms after the robot is ready, and builds its successor.

    internal sealed class FailoverDriver : StateMachine
    {
        private const int NavigatorTimeToLiveMs = 500;

        private ActorId? _storage;
        private ActorId? _robot;
        private ActorId? _navigator;
        private TimerInfo? _haltTimer;
        private int _resets;

        [Start]
        [OnEntry(nameof(OnInit))]
        [DeferEvents(typeof(TimerElapsedEvent), typeof(RobotReady))]
        [IgnoreEvents(typeof(NavigatorReset))]
        private sealed class Init : State;

        [OnEventGotoState(typeof(TimerElapsedEvent), typeof(TerminatingNavigator))]
        [OnEventDoAction(typeof(RobotReady), nameof(OnRobotReady))]
        [IgnoreEvents(typeof(NavigatorReset))]
        private sealed class Active : State;

        [OnEntry(nameof(OnEnterTerminating))]
        [OnEventDoAction(typeof(NavigatorHalted), nameof(OnNavigatorHalted))]
        [OnEventDoAction(typeof(NavigatorReset), nameof(OnNavigatorReset))]
        [IgnoreEvents(typeof(TimerElapsedEvent))]
        private sealed class TerminatingNavigator : State;

        private void OnInit(CoyoteEvent e)
        {
            var fixedRobot = ((DriverConfig)e).FixedRobot;
            _storage = CreateActor(typeof(MockStorage));
            _navigator = CreateNavigator();
            _robot = CreateActor(typeof(Robot), new RobotConfig(Id, fixedRobot));
            SendEvent(_navigator, new WakeUp(_robot));
            RaiseGotoStateEvent<Active>();
        }

        private ActorId CreateNavigator()
        {
            var cognitiveService = CreateActor(typeof(MockCognitiveService));
            var routePlanner = CreateActor(typeof(MockRoutePlanner));
            return CreateActor(typeof(Navigator), new NavigatorConfig(Id, _storage!, cognitiveService, routePlanner));
        }

        private void OnRobotReady() =>
            _haltTimer = StartTimer(TimeSpan.FromMilliseconds(RandomInteger(NavigatorTimeToLiveMs) + NavigatorTimeToLiveMs));

        private void OnEnterTerminating()
        {
            if (_haltTimer is not null)
            {
                StopTimer(_haltTimer);
                _haltTimer = null;
            }

            SendEvent(_navigator!, new TerminateNavigator());
        }

        private void OnNavigatorHalted()
        {
            _navigator = CreateNavigator();
            SendEvent(_navigator, new WakeUp(_robot!));
        }

        private void OnNavigatorReset()
        {
            if (++_resets != 1)
            {
                SendEvent(_robot!, HaltEvent.Instance);
                SendEvent(_navigator!, HaltEvent.Instance);
                SendEvent(_storage!, HaltEvent.Instance);
                RaiseHaltEvent();
                return;
            }

            RaiseGotoStateEvent<Active>();
        }
    }
}
