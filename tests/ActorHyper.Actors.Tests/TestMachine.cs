using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;
using Akka.Actor;
using Akka.TestKit;

namespace ActorHyper.Actors.Tests;

/// <summary>A machine in a fresh actor system, with a probe to talk to it and helpers the tests share.</summary>
internal sealed class TestMachine : IAsyncDisposable
{
    /// <summary>Generous: in controlled runs it is virtual time and costs nothing; concurrent runs finish far sooner.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private TestMachine(ActorSystem system, MachineHandle handle)
    {
        System = system;
        Handle = handle;
        Probe = Probes.Create(system);
    }

    public ActorSystem System { get; }

    public MachineHandle Handle { get; }

    /// <summary>Sends requests and gets their replies.</summary>
    public TestProbe Probe { get; }

    public MachineSpec Spec => Handle.Spec;

    public MachineDirectory Directory => directory ??= Handle.Directory(Timeout);

    private MachineDirectory? directory;

    /// <summary>The controlled system's driver (throws in concurrent mode).</summary>
    public ControlledDriver Driver => ControlledDriver.Of(System);

    public static ActorSystem CreateSystem(ExecutionMode mode, ulong seed = 1) => MachineSystems.Create("test", mode, seed);

    /// <summary>Terminates a test's system: a controlled one is driven until it has stopped.</summary>
    public static async Task Shutdown(ActorSystem system)
    {
        if (ControlledDriver.TryGet(system) is { } driver)
        {
            driver.Terminate();
        }
        else
        {
            await system.Terminate();
        }
    }

    public static TestMachine Create(ExecutionMode mode, MachineSpec spec, MachineOptions? options = null, ulong seed = 1)
    {
        var system = CreateSystem(mode, seed);
        return new TestMachine(system, MachineHandle.Start(system, spec, options));
    }

    /// <summary>Starts the machine and waits until every core but P0 C_0 waits.</summary>
    public static TestMachine Started(ExecutionMode mode, MachineSpec spec, MachineOptions? options = null, ulong seed = 1)
    {
        var machine = Create(mode, spec, options, seed);
        var started = machine.Handle.WaitUntilStarted(Timeout);
        Assert.IsType<MachineReady>(started);
        return machine;
    }

    /// <summary>A probe subscribed to the events of type <typeparamref name="T"/>.</summary>
    public TestProbe Events<T>()
        where T : HardwareEvent
    {
        var probe = Probes.Create(System);
        System.EventStream.Subscribe(probe.Ref, typeof(T));
        return probe;
    }

    /// <summary>Sends a request with the probe as sender and returns its reply.</summary>
    public T Ask<T>(IActorRef target, object request)
    {
        Probe.Send(target, request);
        return Probe.Expect<T>();
    }

    /// <summary>Sends a request with no sender: posted, nobody gets the reply.</summary>
    public static void Post(IActorRef target, object request) => target.Tell(request, ActorRefs.NoSender);

    public CoreStatus StatusOf(CoreId core) => Ask<CoreStatusReport>(Directory.Core(core), GetCoreStatus.Instance).Status;

    /// <summary>Waits for <paramref name="core"/>'s next status change satisfying <paramref name="match"/>, skipping others.</summary>
    public static CoreStatusChanged NextStatus(TestProbe statusEvents, CoreId core, Func<CoreStatus, bool> match) =>
        statusEvents.FishFor<CoreStatusChanged>(e => e.Core == core && match(e.Status));

    /// <summary>Puts a code block in a cluster's RAM, as a loader would.</summary>
    public void PlaceCode(ClusterId cluster, uint offset, CodeIdentity code, uint length = 0x1000) =>
        Ask<Memory.MemoryWriteDone>(Directory.Memory(cluster), new Memory.WriteMemory(0, offset, length, new CodeBlock(code), UnitId.External));

    /// <summary>Lets a controlled run finish what it started; in concurrent mode this is a no-op.</summary>
    public void Settle()
    {
        ControlledDriver.TryGet(System)?.RunUntilQuiescent();
    }

    public async ValueTask DisposeAsync() => await Shutdown(System);
}
