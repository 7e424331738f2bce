using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

// The room: a grid of whole cells (the original's coordinates are whole numbers too).
public sealed record Location(int X, int Y);

public enum PersonType
{
    Adult,
    Minor,
}

public sealed record ClientDetails(PersonType PersonType, Location Coordinates);

public sealed record DrinkOrder(ClientDetails Client);

/// <summary>The robot's camera shot; only when it was taken matters here (the pixels never did).</summary>
public sealed record RoomPicture(TimeSpan TakenAt);

// ---- The failover driver's own messages.

/// <summary>From the setup: build the storage, the first navigator and the robot.</summary>
public sealed record StartFailover;

/// <summary>The driver's timer: time to kill the navigator.</summary>
public sealed record NavigatorTimeToLiveElapsed;

// ---- Driver and robot to the navigator, and the navigator's answers.

/// <summary>Driver to a new navigator: start serving this robot.</summary>
public sealed record WakeUp(IActorRef Robot);

/// <summary>Navigator to robot: I am your navigator now (the first one, or a replacement).</summary>
public sealed record RegisterNavigator(IActorRef Navigator);

/// <summary>Driver to navigator: stop (the failover).</summary>
public sealed record TerminateNavigator;

/// <summary>Navigator to driver: I have stopped, build my successor.</summary>
public sealed record NavigatorHalted;

/// <summary>Robot to navigator: find someone in this picture who wants a drink.</summary>
public sealed record GetDrinkOrder(RoomPicture Picture);

/// <summary>Navigator to robot: your request is persisted.</summary>
public sealed record DrinkOrderConfirmed;

/// <summary>Navigator to robot: here is whom to serve.</summary>
public sealed record DrinkOrderProduced(DrinkOrder Order);

/// <summary>Robot to navigator: how do I drive from here to there.</summary>
public sealed record GetDrivingInstructions(Location From, Location To);

// ---- Robot to driver.

/// <summary>The robot's request is persisted: from now on killing the navigator is a meaningful test.</summary>
public sealed record RobotReady;

/// <summary>The robot has switched to the navigator that registered last.</summary>
public sealed record NavigatorReset;

/// <summary>The robot's own timer: one leg of the route has been driven.</summary>
public sealed record MoveTimerElapsed;

// ---- The key-value storage that outlives navigators.

public sealed record ReadKey(IActorRef Requestor, string Key);

public sealed record WriteKey(IActorRef Requestor, string Key, object Value);

public sealed record DeleteKey(IActorRef Requestor, string Key);

/// <summary>The answer to <see cref="ReadKey"/>: the value, or null when the key is absent.</summary>
public sealed record KeyValue(string Key, object? Value);

/// <summary>The answer to <see cref="WriteKey"/>; <paramref name="Existing"/> tells whether it replaced a value.</summary>
public sealed record WriteConfirmed(string Key, object Value, bool Existing);

// ---- The cognitive service (who is in the picture) and the route planner.

public sealed record RecognizeDrinksClient(IActorRef Requestor, RoomPicture Picture);

/// <summary>The cognitive service's timer: its recognition for this requestor is done.</summary>
public sealed record RecognitionDone(IActorRef Requestor);

public sealed record DrinksClientDetails(ClientDetails Details);

public sealed record GetRoute(IActorRef Requestor, Location Start, Location End);

/// <summary>A route: the points to drive to one after the other, the last one the destination.</summary>
public sealed record DrivingInstructions(IReadOnlyList<Location> Route)
{
    // The legs in stories, not the list's type name.
    public override string ToString() => $"DrivingInstructions {{ Route = {string.Join(" -> ", Route)} }}";
}

// ---- What the robot tells the liveness monitor (published on the event stream).

/// <summary>The robot is waiting for the navigator (an order or a route): something is owed to it.</summary>
public sealed record RobotBusy;

/// <summary>The robot has served its client (or dropped a request it will get again).</summary>
public sealed record RobotIdle;
