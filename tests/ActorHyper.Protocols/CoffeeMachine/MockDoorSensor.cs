using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// The door sensor: whether a door of the machine is open, drawn once at start (one chance in five
/// open, to test that an open machine refuses to work). It outlives the machines, like the hardware.
/// </summary>
public sealed class MockDoorSensor : ReceiveActor
{
    private IActorRef? _client;

    public MockDoorSensor()
    {
        var open = ActorRandom.For(Context.System).Of(Self).Next(5) == 0;
        if (open)
        {
            Context.System.EventStream.Publish(new DoorFoundOpen());
        }

        Receive<RegisterClient>(register => _client = register.Caller);
        Receive<ReadDoorOpen>(_ => _client?.Tell(new DoorOpen(open)));
    }
}
