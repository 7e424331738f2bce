using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// The water tank with its heater and its pump, as the sample's test mode has it: the water starts
/// at a random level and room temperature; the heater, checked every 100 ms, jumps to the boiling
/// boundary at its first check; the pump pours one shot per second of running and stops by itself.
/// Its level and temperature persist across machines: the one thing a new machine can learn from.
/// </summary>
public sealed class MockWaterTank : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan HeaterPeriod = TimeSpan.FromSeconds(0.1);
    private static readonly TimeSpan PumpPeriod = TimeSpan.FromSeconds(1);

    private IActorRef? _client;
    private double _level;
    private double _temperature;
    private bool _heaterOn;

    public MockWaterTank()
    {
        var random = ActorRandom.For(Context.System).Of(Self);
        _temperature = random.Next(30) + 20;
        _level = random.Next(100);

        Receive<RegisterClient>(register => _client = register.Caller);
        Receive<ReadWaterLevel>(_ => _client?.Tell(new WaterLevel(_level)));
        Receive<ReadWaterTemperature>(_ => _client?.Tell(new WaterTemperature(_temperature)));
        Receive<WaterHeaterButton>(button => SwitchHeater(button.PowerOn));
        Receive<HeaterCheck>(_ => CheckHeater());
        Receive<PumpWater>(button => SwitchPump(button.PowerOn));
        Receive<ShotPoured>(_ => PourShot());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private void SwitchHeater(bool on)
    {
        _heaterOn = on;
        if (on)
        {
            Context.System.EventStream.Publish(new DeviceSwitchedOn("heater", _level));
            Timers.StartPeriodicTimer(nameof(HeaterCheck), new HeaterCheck(), HeaterPeriod);
        }
        else
        {
            Timers.Cancel(nameof(HeaterCheck));
        }
    }

    private void CheckHeater()
    {
        if (!_heaterOn)
        {
            // Cooling, slowly, down to warm.
            if (_temperature > 70)
            {
                _temperature -= 0.1;
            }

            return;
        }

        // Test mode: the heating up is skipped, straight to just below the boundary.
        if (_temperature < 99)
        {
            _temperature = 99;
        }

        if (_temperature < 100)
        {
            _temperature = (int)_temperature + 10;
            _client?.Tell(new WaterTemperature(_temperature));
        }
        else
        {
            _client?.Tell(new WaterHot());
        }
    }

    private void SwitchPump(bool on)
    {
        if (on)
        {
            Context.System.EventStream.Publish(new DeviceSwitchedOn("pump", _level));
            Timers.StartPeriodicTimer(nameof(ShotPoured), new ShotPoured(), PumpPeriod);
        }
        else
        {
            Timers.Cancel(nameof(ShotPoured));
        }
    }

    private void PourShot()
    {
        _level -= 1;
        _client?.Tell(_level > 0 ? new ShotComplete() : new WaterEmpty());
        // One shot per press: the pump switches itself off.
        Timers.Cancel(nameof(ShotPoured));
    }

    private sealed record HeaterCheck;

    private sealed record ShotPoured;
}
