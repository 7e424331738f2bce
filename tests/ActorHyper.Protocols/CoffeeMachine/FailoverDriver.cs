using System.Globalization;
using ActorHyper.Exploration.Coverage;
using ActorHyper.Exploration.Runtime;
using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// The failover test: it owns the sensors (the hardware, which survives), starts a coffee machine,
/// asks it for one to three shots and sets a timer of one to seven seconds. If the coffee comes
/// first, fine; if the timer does, the machine is killed through a handshake (<see cref="Terminate"/>,
/// answered with <see cref="Halted"/>) so that two machines never drive the sensors at once. Then a
/// second machine is started the same way, which must make sense of whatever the first left behind;
/// after it, the driver stops the sensors and itself.
/// </summary>
public sealed class FailoverDriver : ReceiveActor, IWithTimers, IStateName
{
    private const string HaltTimer = "halt";

    private readonly bool _hopperBelowZeroIsEmpty;
    private readonly DeterministicRandom _random;
    private readonly IActorRef _waterTank;
    private readonly IActorRef _grinder;
    private readonly IActorRef _doorSensor;
    private IActorRef _machine = ActorRefs.Nobody;
    private int _machinesStarted;

    public FailoverDriver(bool hopperBelowZeroIsEmpty)
    {
        _hopperBelowZeroIsEmpty = hopperBelowZeroIsEmpty;
        _random = ActorRandom.For(Context.System).Of(Self);
        _waterTank = Context.ActorOf(ProducedProps.Of(static () => new MockWaterTank()), "water-tank");
        _grinder = Context.ActorOf(ProducedProps.Of(static () => new MockCoffeeGrinder()), "coffee-grinder");
        _doorSensor = Context.ActorOf(ProducedProps.Of(static () => new MockDoorSensor()), "door-sensor");
        CurrentStateName = "Init";
        Receive<StartTest>(_ => StartMachine());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public string CurrentStateName { get; private set; }

    /// <summary>Test: a new machine, a coffee request, and the timer that may kill it first.</summary>
    private void StartMachine()
    {
        CurrentStateName = "Test";
        Become(() =>
        {
            Receive<HaltTime>(_ => Stop(completed: null));
            Receive<CoffeeCompleted>(completed => Stop(completed));
        });

        _machinesStarted++;
        var (tank, grinder, door, driver, fixedCheck) = (_waterTank, _grinder, _doorSensor, Self, _hopperBelowZeroIsEmpty);
        _machine = Context.ActorOf(ProducedProps.Of(() => new CoffeeMachineActor(tank, grinder, door, driver, fixedCheck)),
            "coffee-machine-" + _machinesStarted.ToString(CultureInfo.InvariantCulture));
        _machine.Tell(new MakeCoffee(_random.Next(3) + 1));
        Timers.StartSingleTimer(HaltTimer, new HaltTime(), TimeSpan.FromSeconds(_random.Next(7) + 1));
    }

    /// <summary>Stop: a finished machine is left as it is; one still at work is killed, and waited for.</summary>
    private void Stop(CoffeeCompleted? completed)
    {
        CurrentStateName = "Stop";
        Timers.Cancel(HaltTimer);
        if (completed is not null)
        {
            Stopped();
            return;
        }

        Become(() =>
        {
            Receive<Halted>(_ => Stopped());
            Receive<CoffeeCompleted>(static _ => { });
        });
        _machine.Tell(new Terminate());
    }

    /// <summary>Stopped: a second machine after the first; after the second, the test is over.</summary>
    private void Stopped()
    {
        if (_machinesStarted == 1)
        {
            StartMachine();
            return;
        }

        CurrentStateName = "Stopped";
        Become(static () => { });
        Context.Stop(_doorSensor);
        Context.Stop(_waterTank);
        Context.Stop(_grinder);
        Context.Stop(Self);
    }
}
