using ActorHyper.Exploration.Coverage;
using Akka.Actor;

namespace ActorHyper.Protocols.CoffeeMachine;

/// <summary>
/// The espresso machine's firmware: a state machine (one <c>Become</c> per state) that learns the
/// state of the hardware from the sensors alone, since it may start after a predecessor was killed
/// mid-coffee. It checks the sensors, heats the water, then makes the coffee it is asked for (the
/// request waits, stashed, until it is ready): grind, pour the shots, dump the grinds. Whatever
/// state it is in, <see cref="Terminate"/> switches everything off and halts it.
/// </summary>
/// <param name="hopperBelowZeroIsEmpty">
/// False: the planted bug, a hopper reading counts as empty only when it is exactly zero, so a
/// negative one (beans the predecessor's grinding overdrew) passes as beans. True: the sample's
/// fix, zero or below is empty.
/// </param>
public sealed class CoffeeMachineActor : ReceiveActor, IWithUnboundedStash, IStateName
{
    private readonly IActorRef _waterTank;
    private readonly IActorRef _grinder;
    private readonly IActorRef _doorSensor;
    private readonly IActorRef _client;
    private readonly bool _hopperBelowZeroIsEmpty;

    // What the sensors said since this machine started; null: not read yet.
    private double? _waterLevel;
    private double? _hopperLevel;
    private bool? _doorOpen;
    private double? _portaFilterLevel;

    private bool _heating;
    private int _shotsRequested;
    private int _shotsMade;

    public CoffeeMachineActor(IActorRef waterTank, IActorRef grinder, IActorRef doorSensor, IActorRef client, bool hopperBelowZeroIsEmpty)
    {
        _waterTank = waterTank;
        _grinder = grinder;
        _doorSensor = doorSensor;
        _client = client;
        _hopperBelowZeroIsEmpty = hopperBelowZeroIsEmpty;
        CurrentStateName = "Init";

        // Init: become the sensors' one client, then check them (the states below are handlers, then entry).
        var register = new RegisterClient(Self);
        _waterTank.Tell(register);
        _grinder.Tell(register);
        _doorSensor.Tell(register);
        CurrentStateName = nameof(CheckSensors);
        Receive<Terminate>(_ => OnTerminate());
        CheckSensors();
        EnterCheckSensors();
    }

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName { get; private set; }

    /// <summary>
    /// Leaves the current state for the one whose handlers <paramref name="state"/> registers, then runs
    /// its <paramref name="entry"/>: the last thing a handler does. The entry runs after <c>Become</c>, not
    /// inside it, so an entry may itself go on to another state.
    /// </summary>
    private void GoTo(Action state, Action? entry = null)
    {
        CurrentStateName = state.Method.Name;
        Become(() =>
        {
            Receive<Terminate>(_ => OnTerminate());
            state();
        });
        entry?.Invoke();
    }

    private void Defer<T>() => Receive<T>(_ => Stash.Stash());

    private void Ignore<T>() => Receive<T>(static _ => { });

    // --- CheckSensors: switch everything off, read every sensor, and decide.

    private void CheckSensors()
    {
        Defer<MakeCoffee>();
        Receive<WaterLevel>(OnWaterLevel);
        Receive<HopperLevel>(OnHopperLevel);
        Receive<DoorOpen>(OnDoorOpen);
        Receive<PortaFilterCoffeeLevel>(OnPortaFilterLevel);
    }

    private void EnterCheckSensors()
    {
        _grinder.Tell(new GrinderButton(false));
        _waterTank.Tell(new PumpWater(false));
        _waterTank.Tell(new WaterHeaterButton(false));
        _waterTank.Tell(new ReadWaterLevel());
        _grinder.Tell(new ReadHopperLevel());
        _doorSensor.Tell(new ReadDoorOpen());
        _grinder.Tell(new ReadPortaFilterCoffeeLevel());
    }

    private void OnWaterLevel(WaterLevel reading)
    {
        _waterLevel = reading.Percent;
        if ((int)reading.Percent <= 0)
        {
            GoTo(RefillRequired, EnterRefillRequired);
            return;
        }

        StartWhenAllRead();
    }

    private void OnHopperLevel(HopperLevel reading)
    {
        _hopperLevel = reading.Percent;
        // The planted bug is the exact comparison: after a failover the hopper may read below zero.
        var empty = _hopperBelowZeroIsEmpty ? (int)reading.Percent <= 0 : (int)reading.Percent == 0;
        if (empty)
        {
            GoTo(RefillRequired, EnterRefillRequired);
            return;
        }

        StartWhenAllRead();
    }

    private void OnDoorOpen(DoorOpen reading)
    {
        _doorOpen = reading.Open;
        if (reading.Open)
        {
            GoTo(Error, EnterError);
            return;
        }

        StartWhenAllRead();
    }

    private void OnPortaFilterLevel(PortaFilterCoffeeLevel reading)
    {
        _portaFilterLevel = reading.Percent;
        if (reading.Percent > 0)
        {
            // Grinds of unknown age (the machine has no clock): out with them.
            _grinder.Tell(new DumpGrindsButton(true));
        }

        StartWhenAllRead();
    }

    private void StartWhenAllRead()
    {
        if (_waterLevel.HasValue && _hopperLevel.HasValue && _doorOpen.HasValue && _portaFilterLevel.HasValue)
        {
            GoTo(HeatingWater, EnterHeatingWater);
        }
    }

    // --- HeatingWater: read the temperature, heat until the tank says hot.

    private void HeatingWater()
    {
        Defer<MakeCoffee>();
        Receive<WaterTemperature>(OnWaterTemperature);
        Receive<WaterHot>(_ => OnWaterHot());
    }

    private void EnterHeatingWater()
    {
        Context.System.EventStream.Publish(new MachineBusy());
        _waterTank.Tell(new ReadWaterTemperature());
    }

    private void OnWaterTemperature(WaterTemperature reading)
    {
        if (reading.Degrees >= 100)
        {
            OnWaterHot();
        }
        else if (!_heating)
        {
            _heating = true;
            _waterTank.Tell(new WaterHeaterButton(true));
        }
    }

    private void OnWaterHot()
    {
        if (_heating)
        {
            _heating = false;
            _waterTank.Tell(new WaterHeaterButton(false));
        }

        GoTo(Ready, EnterReady);
    }

    // --- Ready: the green light; a coffee request starts the making.

    private void Ready()
    {
        Ignore<WaterLevel>();
        Ignore<WaterHot>();
        Ignore<HopperLevel>();
        Receive<MakeCoffee>(OnMakeCoffee);
        Receive<HopperEmpty>(_ => OnHopperEmpty());
    }

    private void EnterReady()
    {
        Context.System.EventStream.Publish(new MachineIdle());
        Stash.UnstashAll();
    }

    private void OnMakeCoffee(MakeCoffee request)
    {
        Context.System.EventStream.Publish(new MachineBusy());
        _shotsRequested = request.Shots;
        // A fresh cup: no shot in it yet.
        _shotsMade = 0;
        GoTo(GrindingBeans, EnterGrindingBeans);
    }

    // --- GrindingBeans: grind until the porta filter is full, polling the hopper meanwhile.

    private void GrindingBeans()
    {
        Receive<PortaFilterCoffeeLevel>(OnGrinding);
        Receive<HopperLevel>(OnHopperWhileGrinding);
        Receive<HopperEmpty>(_ => OnHopperEmpty());
        Ignore<WaterHot>();
    }

    private void EnterGrindingBeans()
    {
        _grinder.Tell(new GrinderButton(true));
        _grinder.Tell(new ReadHopperLevel());
    }

    private void OnGrinding(PortaFilterCoffeeLevel reading)
    {
        if (reading.Percent >= 100)
        {
            _grinder.Tell(new GrinderButton(false));
            GoTo(MakingShots, EnterMakingShots);
        }
    }

    private void OnHopperWhileGrinding(HopperLevel reading)
    {
        if (reading.Percent == 0)
        {
            OnHopperEmpty();
        }
        else
        {
            _grinder.Tell(new ReadHopperLevel());
        }
    }

    private void OnHopperEmpty()
    {
        _grinder.Tell(new GrinderButton(false));
        GoTo(RefillRequired, EnterRefillRequired);
    }

    // --- MakingShots: pump one shot at a time until the cup has what was asked.

    private void MakingShots()
    {
        Receive<WaterLevel>(reading =>
        {
            if (reading.Percent <= 0)
            {
                OnWaterEmpty();
            }
        });
        Receive<ShotComplete>(_ => OnShotComplete());
        Receive<WaterEmpty>(_ => OnWaterEmpty());
        Ignore<WaterHot>();
        Ignore<HopperLevel>();
        Ignore<HopperEmpty>();
    }

    private void EnterMakingShots()
    {
        _waterTank.Tell(new PumpWater(true));
        _waterTank.Tell(new ReadWaterLevel());
    }

    private void OnShotComplete()
    {
        _shotsMade++;
        if (_shotsMade < _shotsRequested)
        {
            _waterTank.Tell(new PumpWater(true));
            return;
        }

        if (_shotsMade > _shotsRequested)
        {
            // The sample's own assertion on the cup.
            throw new InvalidOperationException($"made {_shotsMade} shots where {_shotsRequested} were asked for");
        }

        GoTo(Cleanup, EnterCleanup);
    }

    // --- Cleanup: dump the grinds, report, and be ready again at once (no message is taken here).

    private void Cleanup() => Ignore<WaterLevel>();

    private void EnterCleanup()
    {
        _grinder.Tell(new DumpGrindsButton(true));
        _client.Tell(new CoffeeCompleted(Error: false));
        GoTo(Ready, EnterReady);
    }

    private void OnWaterEmpty()
    {
        _waterTank.Tell(new PumpWater(false));
        GoTo(RefillRequired, EnterRefillRequired);
    }

    // --- RefillRequired and Error: the job ends here, with an error for the client.

    private void RefillRequired()
    {
        Ignore<MakeCoffee>();
        Ignore<WaterLevel>();
        Ignore<HopperLevel>();
        Ignore<DoorOpen>();
        Ignore<PortaFilterCoffeeLevel>();
    }

    private void EnterRefillRequired()
    {
        _client.Tell(new CoffeeCompleted(Error: true));
        Context.System.EventStream.Publish(new MachineIdle());
        Stash.UnstashAll();
    }

    private void Error()
    {
        Ignore<MakeCoffee>();
        Ignore<WaterLevel>();
        Ignore<PortaFilterCoffeeLevel>();
        Ignore<HopperLevel>();
    }

    private void EnterError()
    {
        _client.Tell(new CoffeeCompleted(Error: true));
        Context.System.EventStream.Publish(new MachineIdle());
        Stash.UnstashAll();
    }

    // --- Terminate, in every state: everything off, then halt and say so.

    private void OnTerminate()
    {
        _grinder.Tell(new GrinderButton(false));
        _waterTank.Tell(new PumpWater(false));
        _waterTank.Tell(new WaterHeaterButton(false));
        Context.System.EventStream.Publish(new MachineIdle());
        _client.Tell(new Halted());
        Context.Stop(Self);
    }
}
