using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;
using Akka.Actor;
using Akka.TestKit;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// What guest code gets of its core: an <see cref="ICoreCpu"/> that is nothing more (no cast reaches
/// the hypervisor's view), a software port where the core's actor would be, and no way to message a
/// unit. Only the hypervisor's own code, entered with the HAT off, runs on <see cref="IHypervisorCpu"/>.
/// </summary>
public sealed class GuestViewTests
{
    private static readonly MachineSpec Spec = MachineSpec.Tsar2x2;

    private static readonly CoreId Core = new(new ClusterId(0, 1), 2);

    private static readonly MachineAddress Code = new(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset);

    /// <summary>What a program could find out about the object it was handed.</summary>
    private sealed record ViewSeen(CodeIdentity Code, bool IsHypervisorCpu, bool IsTheCoreActor, IActorRef Self);

    private static ScriptedCore Reporting(CodeIdentity code, Func<TestProbe> probe) => new(cpu =>
        cpu.Tell(probe().Ref, new ViewSeen(code, cpu is IHypervisorCpu, cpu is CoreActor, cpu.Self)));

    [Theory]
    [InlineData(CodeIdentity.BootLoader)]
    [InlineData(CodeIdentity.GuestKernel)]
    [InlineData(CodeIdentity.HatActivation)]
    public async Task A_program_of_any_code_but_the_hypervisor_s_gets_only_the_guest_s_view_and_a_port_for_itself(CodeIdentity code)
    {
        TestProbe? probe = null;
        var options = new MachineOptions { Programs = ProgramLibrary.MachineDefault.With(code, _ => Reporting(code, () => probe!)) };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        probe = machine.Probe;
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, code);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(Code.Raw, code));

        var seen = machine.Probe.Expect<ViewSeen>();
        Assert.False(seen.IsHypervisorCpu);
        Assert.False(seen.IsTheCoreActor);
        var core = machine.Directory.Core(Core);
        Assert.NotEqual(core, seen.Self);
        Assert.Equal(core.Path, seen.Self.Path.Parent);
        Assert.StartsWith("port-g", seen.Self.Path.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hypervisor_code_given_a_plain_program_gets_the_guest_s_view_too()
    {
        TestProbe? probe = null;
        var options = new MachineOptions { Programs = ProgramLibrary.Empty.With(CodeIdentity.Hypervisor, _ => Reporting(CodeIdentity.Hypervisor, () => probe!)) };
        await using var machine = TestMachine.Create(ExecutionMode.Controlled, Spec, options);
        probe = machine.Probe;
        var seen = machine.Probe.Expect<ViewSeen>();
        Assert.False(seen.IsHypervisorCpu);
        Assert.False(seen.IsTheCoreActor);
    }

    [Fact]
    public async Task The_hypervisor_s_own_program_gets_the_privileged_view_on_the_core_itself()
    {
        var shell = new ViewRecorder();
        var options = new MachineOptions { Programs = ProgramLibrary.Empty.WithHypervisor(_ => new HypervisorBootProgram(shell)) };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        Assert.Equal(machine.Directory.Core(CoreId.MachineBootCore), shell.Self);
        Assert.Same(machine.Directory.Spec, shell.Machine?.Spec);
    }

    private sealed class ViewRecorder : IHypervisorProgram
    {
        public IActorRef? Self { get; private set; }

        public MachineDirectory? Machine { get; private set; }

        public void Run(IHypervisorCpu cpu)
        {
            Self = cpu.Self;
            Machine = cpu.Machine;
        }
    }

    /// <summary>Answers "hello" with who its parent is and who asked: the guest's software, as the guest spawns it.</summary>
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(_ => Sender.Tell(new Echoed(Context.Parent, Sender), Self));
    }

    private sealed record Echoed(IActorRef Parent, IActorRef AskedBy);

    private sealed record Heard(object Message, IActorRef Sender, IActorRef Self);

    private sealed record Later;

    /// <summary>Spawns an echo, says hello, and reports every message it receives with the sender it saw.</summary>
    private sealed class Talker(Func<TestProbe> probe) : ICoreProgram
    {
        public void Run(ICoreCpu cpu) => cpu.Spawn(Props.Create(() => new Echo()), "echo", echo =>
        {
            cpu.Tell(echo, "hello");
            cpu.After(TimeSpan.FromMilliseconds(1), new Later());
        });

        public bool Receive(ICoreCpu cpu, object message)
        {
            cpu.Tell(probe().Ref, new Heard(message, cpu.Sender, cpu.Self));
            return true;
        }
    }

    [Fact]
    public async Task The_guest_s_software_lives_under_the_port_and_talks_to_it_never_seeing_the_core()
    {
        TestProbe? probe = null;
        var options = new MachineOptions { Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new Talker(() => probe!)) };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        probe = machine.Probe;
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(Code.Raw, CodeIdentity.BootLoader));

        var heard = machine.Probe.Expect<Heard>();
        var echoed = Assert.IsType<Echoed>(heard.Message);
        var port = heard.Self;
        Assert.Equal(port, echoed.Parent);
        Assert.Equal(port, echoed.AskedBy);
        Assert.Equal(port.Path.Child("echo"), heard.Sender.Path);
        var later = machine.Probe.Expect<Heard>();
        Assert.IsType<Later>(later.Message);
        Assert.True(later.Sender.IsNobody());
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("own core")]
    [InlineData("machine")]
    public async Task A_guest_that_is_handed_a_unit_s_actor_cannot_message_it_its_core_faults(string unit)
    {
        IActorRef? target = null;
        var scratch = new MachineAddress(new ClusterId(1, 1), 0x10_0000);
        var options = new MachineOptions
        {
            Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new ScriptedCore(cpu =>
                cpu.Tell(target!, unit == "own core"
                    ? ResetCore.Instance
                    : new WriteMemory(1, scratch.Offset, 0x10, new CodeBlock(CodeIdentity.Hypervisor), UnitId.Core(cpu.Core))))),
        };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        target = unit switch
        {
            "memory" => machine.Directory.Memory(scratch.Cluster),
            "own core" => machine.Directory.Core(Core),
            _ => machine.Directory.MachineActor,
        };
        var faults = machine.Events<CoreFaulted>();
        var statuses = machine.Events<CoreStatusChanged>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(Code.Raw, CodeIdentity.BootLoader));

        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(Core, fault.Core);
        Assert.Equal(TaggedAddress.Machine(Code), fault.Fault.Address);
        Assert.Equal(
            $"the boot loader program failed: InvalidOperationException: guest code reaches hardware only through its core's instructions, not by messages to {target.Path} (a hardware unit)",
            fault.Fault.Reason);
        machine.Settle();
        Assert.Equal(CoreStatus.Faulted(fault.Fault), machine.StatusOf(Core));
        Assert.DoesNotContain(statuses.TakeAvailable().OfType<CoreStatusChanged>(), change => change.Core == Core && change.Status == CoreStatus.Reset);
        Assert.Empty(machine.Ask<MemoryContents>(machine.Directory.Memory(scratch.Cluster), new ReadMemory(2, scratch.Offset, 0x10)).Pieces);
    }

    [Fact]
    public async Task Hypervisor_code_a_guest_stores_in_its_memory_and_jumps_to_faults_instead_of_running_privileged()
    {
        var at = new InstanceAddress(0, PlantedGuest.Scratch);
        var options = PlantedGuest.Running((cpu, _) =>
            cpu.Store(at.Raw, 0x1000, new CodeBlock(CodeIdentity.Hypervisor), () => cpu.Jump(at.Raw, CodeIdentity.Hypervisor)));
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: options);
        var faults = hv.Events<CoreFaulted>();
        var instance = PlantedGuest.Launch(hv);

        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(new CoreId(instance.Clusters[0], 0), fault.Core);
        Assert.Equal(TaggedAddress.Instance(at), fault.Fault.Address);
        Assert.Equal($"the hypervisor's code runs only with the HAT off, but it was entered at {TaggedAddress.Instance(at)}, in instance space", fault.Fault.Reason);
    }
}
