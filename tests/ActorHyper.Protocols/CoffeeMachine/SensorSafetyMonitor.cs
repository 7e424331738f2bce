using System.Globalization;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// Safety, the sample's assertions in the sensors: no device that consumes something is switched on
/// without it. The heater and the pump need water, the grinder needs beans; a supply at or below
/// zero when one is switched on fails the run.
/// </summary>
public sealed class SensorSafetyMonitor : RunMonitor
{
    public const string Invariant = "sensor-safety";

    public override string Name => Invariant;

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(DeviceSwitchedOn);

    public override void OnEvent(object published)
    {
        if (published is DeviceSwitchedOn { Supply: { } supply } on && supply <= 0)
        {
            var needs = on.Device == "grinder" ? "no beans in the hopper" : "no water in the tank";
            Fail(string.Create(CultureInfo.InvariantCulture, $"the {on.Device} was switched on with {needs} (the sensor reads {supply} %)"));
        }
    }
}
