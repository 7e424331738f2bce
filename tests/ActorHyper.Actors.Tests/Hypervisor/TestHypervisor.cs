using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Runtime;
using ActorHyper.Runtime.TestKit;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>A machine running the hypervisor in a fresh actor system, started, with helpers to type at its shell.</summary>
internal sealed class TestHypervisor : IAsyncDisposable
{
    private TestHypervisor(ActorSystem system, HypervisorHandle handle, MachineDirectory directory)
    {
        System = system;
        Handle = handle;
        Directory = directory;
    }

    public ActorSystem System { get; }

    public HypervisorHandle Handle { get; }

    public MachineDirectory Directory { get; }

    public MachineSpec Spec => Handle.Machine.Spec;

    public static TestHypervisor Started(ExecutionMode mode, MachineSpec? spec = null, ulong seed = 1, MachineOptions? options = null, HypervisorOptions? hypervisor = null)
    {
        var system = TestMachine.CreateSystem(mode, seed);
        var handle = HypervisorHandle.Start(system, spec ?? MachineSpec.Tsar4x4, hypervisor, options);
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

    public InstanceInfo Instance(int id) => Assert.Single(Ok<InstanceTable>("ps").Instances, instance => instance.Id == id);

    /// <summary>A probe subscribed to the events of type <typeparamref name="T"/>.</summary>
    public TestProbe Events<T>()
        where T : HardwareEvent
    {
        var probe = new TestProbe(System) { DefaultTimeout = TestMachine.Timeout };
        System.EventStream.Subscribe<T>(probe.Ref);
        return probe;
    }

    public async ValueTask DisposeAsync() => await System.Terminate();
}
