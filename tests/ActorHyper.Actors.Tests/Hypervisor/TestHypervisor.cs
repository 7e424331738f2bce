using ActorHyper.Actors.Monitors;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Resources;
using Akka.Actor;
using Akka.TestKit;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>A machine running the hypervisor in a fresh actor system, started, with helpers to type at its shell.</summary>
internal sealed class TestHypervisor : IAsyncDisposable
{
    private TestHypervisor(ActorSystem system, HypervisorHandle handle, MachineDirectory directory)
    {
        System = system;
        Handle = handle;
        Directory = directory;
        Probe = Probes.Create(system);
    }

    /// <summary>Talks to units directly (snapshots of HATs, memory, routes) and to the shell without waiting.</summary>
    public TestProbe Probe { get; }

    public ActorSystem System { get; }

    public HypervisorHandle Handle { get; }

    public MachineDirectory Directory { get; }

    public MachineSpec Spec => Handle.Machine.Spec;

    /// <summary>The controlled system's driver (throws in concurrent mode).</summary>
    public ControlledDriver Driver => ControlledDriver.Of(System);

    /// <param name="plantsFailure">The test makes a boot fail on purpose (a planted guest, a squatting route): failure-has-cause is left out.</param>
    public static TestHypervisor Started(ExecutionMode mode, MachineSpec? spec = null, ulong seed = 1, MachineOptions? options = null, HypervisorOptions? hypervisor = null,
        GuestOptions? guest = null, bool plantsFailure = false)
    {
        var system = TestMachine.CreateSystem(mode, seed);
        var handle = HypervisorHandle.Start(system, spec ?? MachineSpec.Tsar4x4, hypervisor, options, guest,
            plantsFailure ? static monitor => monitor is not FailureHasCauseMonitor : null);
        var ready = Assert.IsType<MachineReady>(handle.WaitUntilStarted(TestMachine.Timeout));
        return new TestHypervisor(system, handle, ready.Directory);
    }

    /// <summary>Types a command and returns the reply, whatever it is.</summary>
    public ShellReply Type(string command) => Handle.Execute(command);

    /// <summary>Types a command that must succeed and returns its answer.</summary>
    public T Ok<T>(string command)
        where T : ShellAnswer
    {
        var reply = Handle.Execute(command);
        Assert.True(reply.Succeeded, $"'{command}' was refused: {reply.Error}");
        return Assert.IsType<T>(reply.Answer);
    }

    /// <summary>Types a command that must be refused and returns the error.</summary>
    public string Refused(string command)
    {
        var reply = Handle.Execute(command);
        Assert.False(reply.Succeeded, $"'{command}' succeeded: {reply.Answer}");
        return reply.Error!;
    }

    /// <summary>Types a <c>run</c>, waits until that instance is Running, and returns what it holds.</summary>
    public Allocation LaunchAndWait(string run)
    {
        var id = Ok<InstanceLaunched>(run).Instance.Id;
        var info = Assert.Single(Ok<InstanceTable>($"wait -i {id}").Instances);
        Assert.Equal(InstanceState.Running, info.State);
        return new Allocation(id, info.Clusters, info.Ioc, info.Tty, info.Fb);
    }

    public InstanceInfo Instance(int id) => Assert.Single(Ok<InstanceTable>("ps").Instances, instance => instance.Id == id);

    /// <summary>Sends a request with the probe as sender and returns its reply.</summary>
    public T Ask<T>(IActorRef target, object request)
    {
        Probe.Send(target, request);
        return Probe.Expect<T>();
    }

    /// <summary>Types a line without waiting for its reply (it comes back to <see cref="Probe"/>): how launches overlap.</summary>
    public void TypeAhead(string command) => Probe.Send(Handle.Shell, new ShellInput(command));

    /// <summary>What the map says each cluster's owner is, as text (e.g. "hypervisor", "free", "instance 6").</summary>
    public IReadOnlyList<string> Owners() => [.. Ok<ClusterMap>("map").Clusters.Select(entry => entry.Owner.ToString())];

    /// <summary>
    /// Everything <paramref name="probe"/> got so far, in order. A controlled run is first run to
    /// quiescence, so events already published have reached the probe.
    /// </summary>
    public IReadOnlyList<object> Received(TestProbe probe)
    {
        ControlledDriver.TryGet(System)?.RunUntilQuiescent();
        return probe.TakeAvailable();
    }

    /// <summary>A probe subscribed to the events of type <typeparamref name="T"/>.</summary>
    public TestProbe Events<T>()
        where T : HardwareEvent
    {
        var probe = Probes.Create(System);
        System.EventStream.Subscribe(probe.Ref, typeof(T));
        return probe;
    }

    public async ValueTask DisposeAsync() => await TestMachine.Shutdown(System);
}
