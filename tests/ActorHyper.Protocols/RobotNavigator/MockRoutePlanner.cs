using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// Plans a collision-free route: one to three legs, through random waypoints, ending at the
/// destination. It answers at once; a failover kills it with its navigator.
/// </summary>
public sealed class MockRoutePlanner : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is not GetRoute request)
        {
            Unhandled(message);
            return;
        }

        var random = ActorRandom.For(Context.System).Of(Self);
        var legs = random.Next(3) + 1;
        var route = new List<Location>(legs);
        for (var i = 1; i < legs; i++)
        {
            route.Add(Room.RandomLocation(random));
        }

        route.Add(request.End);
        request.Requestor.Tell(new DrivingInstructions(route));
    }
}
