// The coffee-machine program of the corpus (tests/ActorHyper.Protocols/CoffeeMachine) against
// Coyote's actor API, for the bench. Ported from microsoft/coyote Samples/CoffeeMachineActors (MIT
// licence, Copyright (c) Microsoft Corporation): the same protocol, bug and property, written anew; it
// follows the sample's state machines only as far as Coyote's attributes need. The sensors run in the
// sample's test mode, with its timer periods (100 ms heater and grinder checks, 1 s per shot, a kill
// 1 to 7 s after the start), and assert what the sample's sensors assert.
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Actors.Timers;
using Microsoft.Coyote.Specifications;
using CoyoteActor = Microsoft.Coyote.Actors.Actor;
using CoyoteEvent = Microsoft.Coyote.Actors.Event;
using CoyoteMonitor = Microsoft.Coyote.Specifications.Monitor;

namespace ActorHyper.Bench.Corpus;

/// <summary>The failover test of the coffee machine, as Coyote test bodies: the buggy machine and the fixed one.</summary>
public static class CoffeeMachineCoyote
{
    /// <summary>The new machine takes the hopper for empty only at exactly 0 %.</summary>
    public static void Buggy(IActorRuntime runtime) => Start(runtime, hopperBelowZeroIsEmpty: false);

    /// <summary>The tutorial's fix: zero or below is empty.</summary>
    public static void Correct(IActorRuntime runtime) => Start(runtime, hopperBelowZeroIsEmpty: true);

    /// <summary>
    /// docs/tutorials/actors/test-failover.md runs the sample with
    /// <c>coyote test ... -i 100 -ms 2000 -s prioritization -sv 10</c>: PCT with 10 priority changes.
    /// </summary>
    public static string DocsStrategy => "prioritization:10";

    private static void Start(IActorRuntime runtime, bool hopperBelowZeroIsEmpty)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        runtime.RegisterMonitor<LivenessMonitor>();
        runtime.RegisterMonitor<DoorSafetyMonitor>();
        var driver = runtime.CreateActor(typeof(FailoverDriver), new DriverSetup(hopperBelowZeroIsEmpty));
        runtime.SendEvent(driver, new StartTest());
    }

    // --- Events: setup, the sensors' interface, the driver and the machine.

    internal sealed class DriverSetup(bool hopperBelowZeroIsEmpty) : CoyoteEvent
    {
        public bool HopperBelowZeroIsEmpty { get; } = hopperBelowZeroIsEmpty;
    }

    internal sealed class MachineSetup(ActorId waterTank, ActorId grinder, ActorId doorSensor, ActorId client, bool hopperBelowZeroIsEmpty) : CoyoteEvent
    {
        public ActorId WaterTank { get; } = waterTank;

        public ActorId Grinder { get; } = grinder;

        public ActorId DoorSensor { get; } = doorSensor;

        public ActorId Client { get; } = client;

        public bool HopperBelowZeroIsEmpty { get; } = hopperBelowZeroIsEmpty;
    }

    internal sealed class RegisterClient(ActorId caller) : CoyoteEvent
    {
        public ActorId Caller { get; } = caller;
    }

    internal sealed class ReadWaterLevel : CoyoteEvent;

    internal sealed class WaterLevel(double percent) : CoyoteEvent
    {
        public double Percent { get; } = percent;
    }

    internal sealed class ReadHopperLevel : CoyoteEvent;

    internal sealed class HopperLevel(double percent) : CoyoteEvent
    {
        public double Percent { get; } = percent;
    }

    internal sealed class ReadWaterTemperature : CoyoteEvent;

    internal sealed class WaterTemperature(double degrees) : CoyoteEvent
    {
        public double Degrees { get; } = degrees;
    }

    internal sealed class ReadPortaFilterLevel : CoyoteEvent;

    internal sealed class PortaFilterLevel(double percent) : CoyoteEvent
    {
        public double Percent { get; } = percent;
    }

    internal sealed class ReadDoorOpen : CoyoteEvent;

    internal sealed class DoorOpen(bool open) : CoyoteEvent
    {
        public bool Open { get; } = open;
    }

    /// <summary>A device's power button; which device is the event's type.</summary>
    internal abstract class Button(bool powerOn) : CoyoteEvent
    {
        public bool PowerOn { get; } = powerOn;
    }

    internal sealed class HeaterButton(bool powerOn) : Button(powerOn);

    internal sealed class GrinderButton(bool powerOn) : Button(powerOn);

    internal sealed class PumpButton(bool powerOn) : Button(powerOn);

    internal sealed class DumpGrindsButton(bool powerOn) : Button(powerOn);

    internal sealed class WaterHot : CoyoteEvent;

    internal sealed class ShotComplete : CoyoteEvent;

    internal sealed class WaterEmpty : CoyoteEvent;

    internal sealed class HopperEmpty : CoyoteEvent;

    internal sealed class StartTest : CoyoteEvent;

    internal sealed class MakeCoffee(int shots) : CoyoteEvent
    {
        public int Shots { get; } = shots;
    }

    internal sealed class CoffeeCompleted(bool error) : CoyoteEvent
    {
        public bool Error { get; } = error;
    }

    internal sealed class Terminate : CoyoteEvent;

    internal sealed class Halted : CoyoteEvent;

    // --- Monitors: the liveness of a job, and nothing switched on with the door open.

    internal sealed class MachineBusy : CoyoteMonitor.Event;

    internal sealed class MachineIdle : CoyoteMonitor.Event;

    internal sealed class DoorFoundOpen : CoyoteMonitor.Event;

    internal sealed class DeviceSwitchedOn : CoyoteMonitor.Event;

    internal sealed class LivenessMonitor : CoyoteMonitor
    {
        [Start]
        [Cold]
        [OnEventGotoState(typeof(MachineBusy), typeof(Busy))]
        [IgnoreEvents(typeof(MachineIdle))]
        private sealed class Idle : State;

        [Hot]
        [OnEventGotoState(typeof(MachineIdle), typeof(Idle))]
        [IgnoreEvents(typeof(MachineBusy))]
        private sealed class Busy : State;
    }

    internal sealed class DoorSafetyMonitor : CoyoteMonitor
    {
        [Start]
        [OnEventGotoState(typeof(DoorFoundOpen), typeof(DoorIsOpen))]
        [IgnoreEvents(typeof(DeviceSwitchedOn))]
        private sealed class DoorClosed : State;

        [OnEventDoAction(typeof(DeviceSwitchedOn), nameof(OnDeviceSwitchedOn))]
        private sealed class DoorIsOpen : State;

        private void OnDeviceSwitchedOn() => Assert(false, "a device was switched on while the door was open");
    }

    // --- The sensors: they outlive the machines; each asserts it is not switched on dry.

    [OnEventDoAction(typeof(RegisterClient), nameof(OnRegister))]
    [OnEventDoAction(typeof(ReadDoorOpen), nameof(OnRead))]
    internal sealed class MockDoorSensor : CoyoteActor
    {
        private ActorId? _client;
        private bool _open;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            _open = RandomInteger(5) == 0;
            if (_open)
            {
                Monitor<DoorSafetyMonitor>(new DoorFoundOpen());
            }

            return Task.CompletedTask;
        }

        private void OnRegister(CoyoteEvent e) => _client = ((RegisterClient)e).Caller;

        private void OnRead()
        {
            if (_client is not null)
            {
                SendEvent(_client, new DoorOpen(_open));
            }
        }
    }

    internal sealed class HeaterCheck : TimerElapsedEvent;

    internal sealed class ShotPoured : TimerElapsedEvent;

    [OnEventDoAction(typeof(RegisterClient), nameof(OnRegister))]
    [OnEventDoAction(typeof(ReadWaterLevel), nameof(OnReadLevel))]
    [OnEventDoAction(typeof(ReadWaterTemperature), nameof(OnReadTemperature))]
    [OnEventDoAction(typeof(HeaterButton), nameof(OnHeaterButton))]
    [OnEventDoAction(typeof(HeaterCheck), nameof(OnHeaterCheck))]
    [OnEventDoAction(typeof(PumpButton), nameof(OnPumpButton))]
    [OnEventDoAction(typeof(ShotPoured), nameof(OnShotPoured))]
    internal sealed class MockWaterTank : CoyoteActor
    {
        private ActorId? _client;
        private double _level;
        private double _temperature;
        private bool _heaterOn;
        private TimerInfo? _heaterTimer;
        private TimerInfo? _pumpTimer;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            _temperature = RandomInteger(30) + 20;
            _level = RandomInteger(100);
            return Task.CompletedTask;
        }

        private void OnRegister(CoyoteEvent e) => _client = ((RegisterClient)e).Caller;

        private void Tell(CoyoteEvent e)
        {
            if (_client is not null)
            {
                SendEvent(_client, e);
            }
        }

        private void OnReadLevel() => Tell(new WaterLevel(_level));

        private void OnReadTemperature() => Tell(new WaterTemperature(_temperature));

        private void OnHeaterButton(CoyoteEvent e)
        {
            _heaterOn = ((HeaterButton)e).PowerOn;
            if (_heaterOn)
            {
                Assert(_level > 0, "the heater was switched on with no water in the tank");
                Monitor<DoorSafetyMonitor>(new DeviceSwitchedOn());
                _heaterTimer = StartPeriodicTimer(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.1), new HeaterCheck());
            }
            else if (_heaterTimer is not null)
            {
                StopTimer(_heaterTimer);
                _heaterTimer = null;
            }
        }

        private void OnHeaterCheck()
        {
            if (!_heaterOn)
            {
                if (_temperature > 70)
                {
                    _temperature -= 0.1;
                }

                return;
            }

            // Test mode: straight to just below boiling.
            _temperature = Math.Max(_temperature, 99);
            if (_temperature < 100)
            {
                _temperature = (int)_temperature + 10;
                Tell(new WaterTemperature(_temperature));
            }
            else
            {
                Tell(new WaterHot());
            }
        }

        private void OnPumpButton(CoyoteEvent e)
        {
            if (((PumpButton)e).PowerOn)
            {
                Assert(_level > 0, "the pump was switched on with no water in the tank");
                Monitor<DoorSafetyMonitor>(new DeviceSwitchedOn());
                _pumpTimer = StartPeriodicTimer(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), new ShotPoured());
            }
            else
            {
                StopPump();
            }
        }

        private void OnShotPoured()
        {
            _level -= 1;
            Tell(_level > 0 ? new ShotComplete() : new WaterEmpty());
            StopPump();
        }

        private void StopPump()
        {
            if (_pumpTimer is not null)
            {
                StopTimer(_pumpTimer);
                _pumpTimer = null;
            }
        }
    }

    internal sealed class GrinderCheck : TimerElapsedEvent;

    [OnEventDoAction(typeof(RegisterClient), nameof(OnRegister))]
    [OnEventDoAction(typeof(ReadPortaFilterLevel), nameof(OnReadPortaFilter))]
    [OnEventDoAction(typeof(ReadHopperLevel), nameof(OnReadHopper))]
    [OnEventDoAction(typeof(GrinderButton), nameof(OnGrinderButton))]
    [OnEventDoAction(typeof(GrinderCheck), nameof(OnGrinderCheck))]
    [OnEventDoAction(typeof(DumpGrindsButton), nameof(OnDumpGrinds))]
    internal sealed class MockCoffeeGrinder : CoyoteActor
    {
        private ActorId? _client;
        private double _hopper;
        private double _portaFilter;
        private TimerInfo? _grinderTimer;

        protected override Task OnInitializeAsync(CoyoteEvent initialEvent)
        {
            _hopper = RandomInteger(100);
            return Task.CompletedTask;
        }

        private void OnRegister(CoyoteEvent e) => _client = ((RegisterClient)e).Caller;

        private void Tell(CoyoteEvent e)
        {
            if (_client is not null)
            {
                SendEvent(_client, e);
            }
        }

        private void OnReadPortaFilter() => Tell(new PortaFilterLevel(_portaFilter));

        private void OnReadHopper() => Tell(new HopperLevel(_hopper));

        private void OnGrinderButton(CoyoteEvent e) => SwitchGrinder(((GrinderButton)e).PowerOn);

        private void SwitchGrinder(bool on)
        {
            if (on)
            {
                // The assertion the planted bug trips.
                Assert(_hopper > 0, "the grinder was switched on with no beans in the hopper");
                Monitor<DoorSafetyMonitor>(new DeviceSwitchedOn());
                _grinderTimer = StartPeriodicTimer(TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.1), new GrinderCheck());
            }
            else
            {
                StopGrinder();
            }
        }

        private void StopGrinder()
        {
            if (_grinderTimer is not null)
            {
                StopTimer(_grinderTimer);
                _grinderTimer = null;
            }
        }

        private void OnGrinderCheck()
        {
            if (_hopper > 0)
            {
                var filter = _portaFilter;
                if (filter < 99)
                {
                    // Test mode: skip to full, and pay for the skip in beans (overdrawing the hopper).
                    _hopper -= 98 - (int)filter;
                    filter = 99;
                }

                if (filter < 100)
                {
                    filter += 10;
                    _portaFilter = filter;
                    Tell(new PortaFilterLevel(filter));
                    if (filter == 100)
                    {
                        SwitchGrinder(on: false);
                    }
                }

                _hopper -= 1;
            }

            if (_hopper <= 0)
            {
                Tell(new HopperEmpty());
                StopGrinder();
            }
        }

        private void OnDumpGrinds(CoyoteEvent e)
        {
            if (((DumpGrindsButton)e).PowerOn)
            {
                Monitor<DoorSafetyMonitor>(new DeviceSwitchedOn());
                _portaFilter = 0;
            }
        }
    }

    // --- The machine: check the sensors, heat, then make the coffee asked for; Terminate in any state.

    [OnEventDoAction(typeof(Terminate), nameof(OnTerminate))]
    internal sealed class CoffeeMachine : StateMachine
    {
        private ActorId _waterTank = null!;
        private ActorId _grinder = null!;
        private ActorId _doorSensor = null!;
        private ActorId _client = null!;
        private bool _hopperBelowZeroIsEmpty;
        private double? _waterLevel;
        private double? _hopperLevel;
        private bool? _doorOpen;
        private double? _portaFilterLevel;
        private bool _heating;
        private int _shotsRequested;
        private int _shotsMade;

        [Start]
        [OnEntry(nameof(OnInit))]
        [DeferEvents(typeof(MakeCoffee))]
        private sealed class Init : State;

        private void OnInit(CoyoteEvent e)
        {
            var setup = (MachineSetup)e;
            (_waterTank, _grinder, _doorSensor, _client, _hopperBelowZeroIsEmpty) =
                (setup.WaterTank, setup.Grinder, setup.DoorSensor, setup.Client, setup.HopperBelowZeroIsEmpty);
            SendEvent(_waterTank, new RegisterClient(Id));
            SendEvent(_grinder, new RegisterClient(Id));
            SendEvent(_doorSensor, new RegisterClient(Id));
            RaiseGotoStateEvent<CheckSensors>();
        }

        [OnEntry(nameof(OnCheckSensors))]
        [DeferEvents(typeof(MakeCoffee))]
        [OnEventDoAction(typeof(WaterLevel), nameof(OnWaterLevel))]
        [OnEventDoAction(typeof(HopperLevel), nameof(OnHopperLevel))]
        [OnEventDoAction(typeof(DoorOpen), nameof(OnDoorOpen))]
        [OnEventDoAction(typeof(PortaFilterLevel), nameof(OnPortaFilterLevel))]
        private sealed class CheckSensors : State;

        private void OnCheckSensors()
        {
            SendEvent(_grinder, new GrinderButton(false));
            SendEvent(_waterTank, new PumpButton(false));
            SendEvent(_waterTank, new HeaterButton(false));
            SendEvent(_waterTank, new ReadWaterLevel());
            SendEvent(_grinder, new ReadHopperLevel());
            SendEvent(_doorSensor, new ReadDoorOpen());
            SendEvent(_grinder, new ReadPortaFilterLevel());
        }

        private void OnWaterLevel(CoyoteEvent e)
        {
            _waterLevel = ((WaterLevel)e).Percent;
            if ((int)_waterLevel.Value <= 0)
            {
                RaiseGotoStateEvent<RefillRequired>();
                return;
            }

            StartWhenAllRead();
        }

        private void OnHopperLevel(CoyoteEvent e)
        {
            var level = (int)((HopperLevel)e).Percent;
            _hopperLevel = level;
            // The planted bug: exactly zero, where a failover can leave the hopper below zero.
            if (_hopperBelowZeroIsEmpty ? level <= 0 : level == 0)
            {
                RaiseGotoStateEvent<RefillRequired>();
                return;
            }

            StartWhenAllRead();
        }

        private void OnDoorOpen(CoyoteEvent e)
        {
            _doorOpen = ((DoorOpen)e).Open;
            if (_doorOpen.Value)
            {
                RaiseGotoStateEvent<Error>();
                return;
            }

            StartWhenAllRead();
        }

        private void OnPortaFilterLevel(CoyoteEvent e)
        {
            _portaFilterLevel = ((PortaFilterLevel)e).Percent;
            if (_portaFilterLevel.Value > 0)
            {
                SendEvent(_grinder, new DumpGrindsButton(true));
            }

            StartWhenAllRead();
        }

        private void StartWhenAllRead()
        {
            if (_waterLevel.HasValue && _hopperLevel.HasValue && _doorOpen.HasValue && _portaFilterLevel.HasValue)
            {
                RaiseGotoStateEvent<HeatingWater>();
            }
        }

        [OnEntry(nameof(OnHeatingWater))]
        [DeferEvents(typeof(MakeCoffee))]
        [OnEventDoAction(typeof(WaterTemperature), nameof(OnWaterTemperature))]
        [OnEventDoAction(typeof(WaterHot), nameof(OnWaterHot))]
        private sealed class HeatingWater : State;

        private void OnHeatingWater()
        {
            Monitor<LivenessMonitor>(new MachineBusy());
            SendEvent(_waterTank, new ReadWaterTemperature());
        }

        private void OnWaterTemperature(CoyoteEvent e)
        {
            if (((WaterTemperature)e).Degrees >= 100)
            {
                OnWaterHot();
            }
            else if (!_heating)
            {
                _heating = true;
                SendEvent(_waterTank, new HeaterButton(true));
            }
        }

        private void OnWaterHot()
        {
            if (_heating)
            {
                _heating = false;
                SendEvent(_waterTank, new HeaterButton(false));
            }

            RaiseGotoStateEvent<Ready>();
        }

        [OnEntry(nameof(OnReady))]
        [IgnoreEvents(typeof(WaterLevel), typeof(WaterHot), typeof(HopperLevel))]
        [OnEventGotoState(typeof(MakeCoffee), typeof(MakingCoffee))]
        [OnEventDoAction(typeof(HopperEmpty), nameof(OnHopperEmpty))]
        private sealed class Ready : State;

        private void OnReady() => Monitor<LivenessMonitor>(new MachineIdle());

        [OnEntry(nameof(OnMakingCoffee))]
        private sealed class MakingCoffee : State;

        private void OnMakingCoffee(CoyoteEvent e)
        {
            Monitor<LivenessMonitor>(new MachineBusy());
            _shotsRequested = ((MakeCoffee)e).Shots;
            _shotsMade = 0;
            RaiseGotoStateEvent<GrindingBeans>();
        }

        [OnEntry(nameof(OnGrindingBeans))]
        [OnEventDoAction(typeof(PortaFilterLevel), nameof(OnGrinding))]
        [OnEventDoAction(typeof(HopperLevel), nameof(OnHopperWhileGrinding))]
        [OnEventDoAction(typeof(HopperEmpty), nameof(OnHopperEmpty))]
        [IgnoreEvents(typeof(WaterHot))]
        private sealed class GrindingBeans : State;

        private void OnGrindingBeans()
        {
            SendEvent(_grinder, new GrinderButton(true));
            SendEvent(_grinder, new ReadHopperLevel());
        }

        private void OnGrinding(CoyoteEvent e)
        {
            if (((PortaFilterLevel)e).Percent >= 100)
            {
                SendEvent(_grinder, new GrinderButton(false));
                RaiseGotoStateEvent<MakingShots>();
            }
        }

        private void OnHopperWhileGrinding(CoyoteEvent e)
        {
            if (((HopperLevel)e).Percent == 0)
            {
                OnHopperEmpty();
            }
            else
            {
                // Polls the hopper until the porta filter is full.
                SendEvent(_grinder, new ReadHopperLevel());
            }
        }

        private void OnHopperEmpty()
        {
            SendEvent(_grinder, new GrinderButton(false));
            RaiseGotoStateEvent<RefillRequired>();
        }

        [OnEntry(nameof(OnMakingShots))]
        [OnEventDoAction(typeof(WaterLevel), nameof(OnWaterLevelWhilePouring))]
        [OnEventDoAction(typeof(ShotComplete), nameof(OnShotComplete))]
        [OnEventDoAction(typeof(WaterEmpty), nameof(OnWaterEmpty))]
        [IgnoreEvents(typeof(WaterHot), typeof(HopperLevel), typeof(HopperEmpty))]
        private sealed class MakingShots : State;

        private void OnMakingShots()
        {
            SendEvent(_waterTank, new PumpButton(true));
            SendEvent(_waterTank, new ReadWaterLevel());
        }

        private void OnWaterLevelWhilePouring(CoyoteEvent e)
        {
            if (((WaterLevel)e).Percent <= 0)
            {
                OnWaterEmpty();
            }
        }

        private void OnShotComplete()
        {
            _shotsMade++;
            if (_shotsMade < _shotsRequested)
            {
                SendEvent(_waterTank, new PumpButton(true));
                return;
            }

            Assert(_shotsMade == _shotsRequested, "made more shots than were asked for");
            RaiseGotoStateEvent<Cleanup>();
        }

        private void OnWaterEmpty()
        {
            SendEvent(_waterTank, new PumpButton(false));
            RaiseGotoStateEvent<RefillRequired>();
        }

        [OnEntry(nameof(OnCleanup))]
        [IgnoreEvents(typeof(WaterLevel))]
        private sealed class Cleanup : State;

        private void OnCleanup()
        {
            SendEvent(_grinder, new DumpGrindsButton(true));
            SendEvent(_client, new CoffeeCompleted(error: false));
            RaiseGotoStateEvent<Ready>();
        }

        [OnEntry(nameof(OnStoppedWithError))]
        [IgnoreEvents(typeof(MakeCoffee), typeof(WaterLevel), typeof(HopperLevel), typeof(DoorOpen), typeof(PortaFilterLevel))]
        private sealed class RefillRequired : State;

        [OnEntry(nameof(OnStoppedWithError))]
        [IgnoreEvents(typeof(MakeCoffee), typeof(WaterLevel), typeof(PortaFilterLevel), typeof(HopperLevel))]
        private sealed class Error : State;

        private void OnStoppedWithError()
        {
            SendEvent(_client, new CoffeeCompleted(error: true));
            Monitor<LivenessMonitor>(new MachineIdle());
        }

        private void OnTerminate()
        {
            SendEvent(_grinder, new GrinderButton(false));
            SendEvent(_waterTank, new PumpButton(false));
            SendEvent(_waterTank, new HeaterButton(false));
            RaiseHaltEvent();
        }

        protected override Task OnHaltAsync(CoyoteEvent e)
        {
            Monitor<LivenessMonitor>(new MachineIdle());
            SendEvent(_client, new Halted());
            return Task.CompletedTask;
        }
    }

    // --- The driver: two machines in turn, each killed at a random time unless its coffee comes first.

    internal sealed class FailoverDriver : StateMachine
    {
        private ActorId _waterTank = null!;
        private ActorId _grinder = null!;
        private ActorId _doorSensor = null!;
        private ActorId _machine = null!;
        private bool _hopperBelowZeroIsEmpty;
        private int _machinesStarted;
        private TimerInfo? _haltTimer;

        [Start]
        [OnEntry(nameof(OnInit))]
        [OnEventGotoState(typeof(StartTest), typeof(Test))]
        private sealed class Init : State;

        private void OnInit(CoyoteEvent e)
        {
            _hopperBelowZeroIsEmpty = ((DriverSetup)e).HopperBelowZeroIsEmpty;
            _waterTank = CreateActor(typeof(MockWaterTank));
            _grinder = CreateActor(typeof(MockCoffeeGrinder));
            _doorSensor = CreateActor(typeof(MockDoorSensor));
        }

        [OnEntry(nameof(OnTest))]
        [OnEventGotoState(typeof(TimerElapsedEvent), typeof(Stop))]
        [OnEventGotoState(typeof(CoffeeCompleted), typeof(Stop))]
        private sealed class Test : State;

        private void OnTest()
        {
            _machinesStarted++;
            _machine = CreateActor(typeof(CoffeeMachine), new MachineSetup(_waterTank, _grinder, _doorSensor, Id, _hopperBelowZeroIsEmpty));
            SendEvent(_machine, new MakeCoffee(RandomInteger(3) + 1));
            _haltTimer = StartTimer(TimeSpan.FromSeconds(RandomInteger(7) + 1));
        }

        [OnEntry(nameof(OnStop))]
        [OnEventGotoState(typeof(Halted), typeof(Stopped))]
        [IgnoreEvents(typeof(CoffeeCompleted))]
        private sealed class Stop : State;

        private void OnStop(CoyoteEvent e)
        {
            if (_haltTimer is not null)
            {
                StopTimer(_haltTimer);
                _haltTimer = null;
            }

            if (e is CoffeeCompleted)
            {
                RaiseGotoStateEvent<Stopped>();
            }
            else
            {
                // Kill the machine by handshake: the next one starts only once this one has halted.
                SendEvent(_machine, new Terminate());
            }
        }

        [OnEntry(nameof(OnStopped))]
        private sealed class Stopped : State;

        private void OnStopped()
        {
            if (_machinesStarted == 1)
            {
                RaiseGotoStateEvent<Test>();
                return;
            }

            SendEvent(_doorSensor, HaltEvent.Instance);
            SendEvent(_waterTank, HaltEvent.Instance);
            SendEvent(_grinder, HaltEvent.Instance);
            RaiseHaltEvent();
        }
    }
}
