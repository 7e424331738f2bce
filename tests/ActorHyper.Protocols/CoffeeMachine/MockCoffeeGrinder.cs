using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// The grinder between the bean hopper and the porta filter, as the sample's test mode has it: the
/// hopper starts at a random level; while the grinder runs, a check every 100 ms moves the porta
/// filter, and the first check jumps straight to full, taking the beans of the whole jump from the
/// hopper at once. That is how a hopper ends below zero: the level is the sensor's belief, and the
/// jump overshoots it. The grinder stops once the hopper reads empty.
/// </summary>
public sealed class MockCoffeeGrinder : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan GrinderPeriod = TimeSpan.FromSeconds(0.1);

    private IActorRef? _client;
    private double _hopper;
    private double _portaFilter;

    public MockCoffeeGrinder()
    {
        _hopper = ActorRandom.For(Context.System).Of(Self).Next(100);

        Receive<RegisterClient>(register => _client = register.Caller);
        Receive<ReadPortaFilterCoffeeLevel>(_ => _client?.Tell(new PortaFilterCoffeeLevel(_portaFilter)));
        Receive<ReadHopperLevel>(_ => _client?.Tell(new HopperLevel(_hopper)));
        Receive<GrinderButton>(button => SwitchGrinder(button.PowerOn));
        Receive<GrinderCheck>(_ => Grind());
        Receive<DumpGrindsButton>(button =>
        {
            if (button.PowerOn)
            {
                Context.System.EventStream.Publish(new DeviceSwitchedOn("grinds dump", null));
                _portaFilter = 0;
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private void SwitchGrinder(bool on)
    {
        if (on)
        {
            Context.System.EventStream.Publish(new DeviceSwitchedOn("grinder", _hopper));
            Timers.StartPeriodicTimer(nameof(GrinderCheck), new GrinderCheck(), GrinderPeriod);
        }
        else
        {
            Timers.Cancel(nameof(GrinderCheck));
        }
    }

    private void Grind()
    {
        if (_hopper > 0)
        {
            var filter = _portaFilter;
            if (filter < 99)
            {
                // Test mode: skip to the boundary, paying for the skipped grinding in beans.
                _hopper -= 98 - (int)filter;
                filter = 99;
            }

            if (filter < 100)
            {
                filter += 10;
                _portaFilter = filter;
                _client?.Tell(new PortaFilterCoffeeLevel(filter));
                if (filter == 100)
                {
                    SwitchGrinder(on: false);
                }
            }

            _hopper -= 1;
        }

        if (_hopper <= 0)
        {
            _client?.Tell(new HopperEmpty());
            Timers.Cancel(nameof(GrinderCheck));
        }
    }

    private sealed record GrinderCheck;
}
