using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using Akka.Actor;
using Akka.TestKit;

namespace ActorHyper.Actors.Tests;

/// <summary>Programs plugged in through the library drive cores with the core's instructions.</summary>
public sealed class ProgramTests
{
    private static readonly MachineSpec Spec = MachineSpec.Tsar2x2;

    /// <summary>The machine's addresses, as the test knows them: a plugged-in program has no directory to ask.</summary>
    private static readonly AddressMap Map = new(Spec);

    private static readonly MachineAddress BootLoaderAddress = new(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset);

    /// <summary>Greets on TTY 0.0, then wakes the next core of the chain at the same code and waits.</summary>
    private sealed class RelayProgram(IReadOnlyList<CoreId> chain) : ICoreProgram
    {
        public void Run(ICoreCpu cpu)
        {
            cpu.WriteTty(Map.TtySubChannel(0, 0).Raw, $"hello from {cpu.Core}", () =>
            {
                if (chain[^1] == cpu.Core)
                {
                    return;
                }
                var next = chain.SkipWhile(core => core != cpu.Core).ElementAt(1);
                cpu.WriteMailbox(Map.XicuSlot(next.Cluster, XicuLayout.For(Spec).IpiSlot(next.Index)).Raw, BootLayout.BootLoaderOffset, cpu.Wait);
            });
        }
    }

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task A_plugged_in_program_greets_on_the_TTY_and_wakes_the_next_core_by_IPI(ExecutionMode mode)
    {
        CoreId[] chain = [new(new ClusterId(0, 1), 0), new(new ClusterId(1, 1), 3), new(new ClusterId(1, 0), 2)];
        var options = new MachineOptions { Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new RelayProgram(chain)) };
        await using var machine = TestMachine.Started(mode, Spec, options);
        var lines = machine.Events<TtyLineWritten>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        TestMachine.Post(machine.Directory.Xicu(chain[0].Cluster), new WriteMailbox(0, chain[0].Index, BootLayout.BootLoaderOffset, UnitId.External));

        foreach (var core in chain)
        {
            var line = lines.Expect<TtyLineWritten>();
            Assert.Equal($"hello from {core}", line.Text);
            Assert.Equal(UnitId.Core(core), line.Writer);
        }
        Assert.Equal(chain.Select(core => $"hello from {core}"), machine.Ask<TtyOutput>(machine.Directory.Tty, new GetTtyOutput(0, 0)).Lines);
    }

    [Fact]
    public async Task A_program_stores_copies_and_loads_through_its_core()
    {
        var probe = default(TestProbe);
        var descriptor = KernelImageDescriptor.AtLoadAddress("off++", 0x2000);
        var destination = new MachineAddress(new ClusterId(1, 1), BootLayout.KernelDescriptorOffset);
        var options = new MachineOptions
        {
            Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new ScriptedCore(cpu =>
            {
                var scratch = new MachineAddress(new ClusterId(0, 1), 0x10_0000);
                cpu.Store(scratch.Raw, BootLayout.KernelDescriptorSize, new DataRecord(descriptor), () =>
                    cpu.Copy(scratch.Raw, destination.Raw, BootLayout.KernelDescriptorSize, () =>
                        cpu.Load(destination.Raw, BootLayout.KernelDescriptorSize, pieces => cpu.Tell(probe!.Ref, pieces))));
            })),
        };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        probe = machine.Probe;
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(machine.Directory.Core(new CoreId(new ClusterId(1, 0), 1)), new JumpCore(BootLoaderAddress.Raw));
        var loaded = machine.Probe.Expect<ValueList<MemoryRegion>>();
        Assert.Equal(new MemoryRegion(destination.Offset, BootLayout.KernelDescriptorSize, new DataRecord(descriptor)), Assert.Single(loaded));
    }

    private sealed record Question(string Text);

    private sealed record Answer(string Text);

    /// <summary>Asks a service and stores what it answered: the program receives messages through its core.</summary>
    private sealed class AskingProgram(IActorRef service) : ICoreProgram
    {
        public void Run(ICoreCpu cpu) => cpu.Tell(service, new Question($"who am I? {cpu.Core}"));

        public bool Receive(ICoreCpu cpu, object message)
        {
            if (message is not Answer answer)
            {
                return false;
            }
            cpu.WriteTty(Map.TtySubChannel(1, 2).Raw, answer.Text);
            return true;
        }
    }

    [Fact]
    public async Task A_program_talks_to_a_service_through_its_core()
    {
        IActorRef? service = null;
        var options = new MachineOptions { Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new AskingProgram(service!)) };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        service = machine.Probe.Ref;
        var lines = machine.Events<TtyLineWritten>();
        var core = new CoreId(new ClusterId(0, 1), 3);
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(machine.Directory.Core(core), new JumpCore(BootLoaderAddress.Raw));
        Assert.Equal($"who am I? {core}", machine.Probe.Expect<Question>().Text);
        machine.Probe.Reply(new Answer("core three"));
        var line = lines.Expect<TtyLineWritten>();
        Assert.Equal((1, 2, "core three"), (line.Channel, line.SubChannel, line.Text));
    }

    [Fact]
    public async Task Code_with_no_program_is_executed_opaquely_and_the_core_reports_it()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var core = new CoreId(new ClusterId(0, 1), 3);
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.KernelLoadOffset, CodeIdentity.GuestKernel);
        machine.Probe.Send(machine.Directory.Core(core), new JumpCore(new MachineAddress(MachineSpec.HypervisorCluster, BootLayout.KernelLoadOffset).Raw));
        machine.Settle();
        Assert.Equal(
            CoreStatus.Executing(CodeIdentity.GuestKernel, new MachineAddress(MachineSpec.HypervisorCluster, BootLayout.KernelLoadOffset)),
            machine.StatusOf(core));
    }

    [Fact]
    public async Task A_program_that_writes_the_ROM_or_a_mailbox_that_is_not_one_faults()
    {
        var options = new MachineOptions
        {
            Programs = ProgramLibrary.MachineDefault
                .With(CodeIdentity.BootLoader, _ => new ScriptedCore(cpu =>
                    cpu.Store(Map.Rom(0).Raw, 0x10, new CodeBlock(CodeIdentity.GuestKernel))))
                .With(CodeIdentity.GuestKernel, _ => new ScriptedCore(cpu =>
                    cpu.WriteMailbox(new MachineAddress(new ClusterId(1, 1), 0x100).Raw, 1))),
        };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        var faults = machine.Events<CoreFaulted>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.KernelLoadOffset, CodeIdentity.GuestKernel);
        machine.Probe.Send(machine.Directory.Core(new CoreId(new ClusterId(0, 1), 0)), new JumpCore(BootLoaderAddress.Raw));
        Assert.Equal("the boot ROM is read-only", faults.Expect<CoreFaulted>().Fault.Reason);
        machine.Probe.Send(machine.Directory.Core(new CoreId(new ClusterId(0, 1), 1)),
            new JumpCore(new MachineAddress(MachineSpec.HypervisorCluster, BootLayout.KernelLoadOffset).Raw));
        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal("expected an XICU mailbox, but the address reaches the RAM of (1,1) +0x00000100", fault.Fault.Reason);
        Assert.Equal("(1,1):0x00000100", fault.Fault.Address.ToString());
    }

    [Fact]
    public async Task The_shell_extension_runs_on_P0_C0_only()
    {
        var shell = new TestProbeProgram();
        var options = new MachineOptions { Programs = ProgramLibrary.Empty.WithHypervisor(_ => new HypervisorBootProgram(shell)) };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        Assert.Equal([CoreId.MachineBootCore], shell.RanOn);
    }

    private sealed class TestProbeProgram : IHypervisorProgram
    {
        public List<CoreId> RanOn { get; } = [];

        public void Run(IHypervisorCpu cpu) => RanOn.Add(cpu.Core);
    }
}
