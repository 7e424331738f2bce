using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>Safety, the sample's door monitor: once the door sensor has found the door open, no device may be switched on.</summary>
public sealed class DoorSafetyMonitor : RunMonitor
{
    public const string Invariant = "door-safety";

    private bool _doorOpen;

    public override string Name => Invariant;

    public override void OnRunStart() => _doorOpen = false;

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(DoorFoundOpen) || eventType == typeof(DeviceSwitchedOn);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case DoorFoundOpen:
                _doorOpen = true;
                break;
            case DeviceSwitchedOn on when _doorOpen:
                Fail($"the {on.Device} was switched on while the door was open");
                break;
        }
    }
}
