using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

public sealed class MachineStartTests
{
    public static TheoryData<ExecutionMode, string> SmallMachines => new()
    {
        { ExecutionMode.Controlled, "2x2" },
        { ExecutionMode.Concurrent, "2x2" },
        { ExecutionMode.Controlled, "4x4" },
        { ExecutionMode.Concurrent, "4x4" },
    };

    internal static MachineSpec Preset(string name) => name switch
    {
        "2x2" => MachineSpec.Tsar2x2,
        "4x4" => MachineSpec.Tsar4x4,
        "16x16" => MachineSpec.Tsar16x16,
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(SmallMachines))]
    public async Task A_preset_starts_with_every_core_but_P0_C0_waiting(ExecutionMode mode, string preset)
    {
        await using var machine = TestMachine.Started(mode, Preset(preset));
        var statuses = machine.Handle.CoreStatuses(TestMachine.Timeout).Cores;
        Assert.Equal(machine.Spec.CoreCount, statuses.Count);
        foreach (var (core, status) in statuses)
        {
            Assert.Equal(core.IsMachineBootCore ? CoreState.RunningHypervisor : CoreState.Waiting, status.State);
            // The board is derived from the cores' own reports: ask the core too.
            Assert.Equal(status, machine.StatusOf(core));
        }
    }

    [Fact]
    public async Task Readiness_is_announced_once_every_core_reported_it_and_after_the_last_core_waits()
    {
        await using var machine = TestMachine.Create(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var statuses = machine.Events<CoreStatusChanged>();
        var started = machine.Events<MachineStarted>();
        var ready = Assert.IsType<MachineReady>(machine.Handle.WaitUntilStarted(TestMachine.Timeout));
        var lastWait = TimeSpan.Zero;
        var waiting = new HashSet<CoreId>();
        while (waiting.Count < machine.Spec.CoreCount - 1)
        {
            var change = statuses.Expect<CoreStatusChanged>();
            if (change.Status.State == CoreState.Waiting)
            {
                Assert.True(waiting.Add(change.Core));
                lastWait = change.At;
            }
        }
        Assert.DoesNotContain(CoreId.MachineBootCore, waiting);
        Assert.True(ready.At >= lastWait);
        Assert.Equal(ready.At, started.Expect<MachineStarted>().At);
    }

    [Fact]
    public async Task A_request_after_readiness_is_answered_at_once_with_the_same_result()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var first = Assert.IsType<MachineReady>(machine.Handle.WaitUntilStarted(TestMachine.Timeout));
        var again = Assert.IsType<MachineReady>(machine.Ask<MachineStartResult>(machine.Handle.Machine, NotifyWhenReady.Instance));
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Units_have_stable_names_under_their_cluster()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar4x4);
        var directory = machine.Directory;
        Assert.Equal("/user/machine/c-1-2/core-3", directory.Core(new CoreId(new ClusterId(1, 2), 3)).Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-1-2/hat-3", directory.CoreHat(new CoreId(new ClusterId(1, 2), 3)).Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-3-0/memory", directory.Memory(new ClusterId(3, 0)).Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-3-0/xicu", directory.Xicu(new ClusterId(3, 0)).Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-3-0/dma", directory.Dma(new ClusterId(3, 0)).Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-3-0/dma-hat", directory.DmaHat(new ClusterId(3, 0)).Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-0-0/rom", directory.Rom.Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-0-0/ioc", directory.Ioc.Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-0-0/tty", directory.Tty.Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-0-0/fbf", directory.Fbf.Path.ToStringWithoutAddress());
        Assert.Equal("/user/machine/c-0-0/iopic", directory.Iopic.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task Every_core_fetched_the_hypervisor_at_the_reset_vector_through_its_HAT()
    {
        await using var machine = TestMachine.Create(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var fetches = machine.Events<CodeFetched>();
        Assert.IsType<MachineReady>(machine.Handle.WaitUntilStarted(TestMachine.Timeout));
        var resetVector = RomImage.ResetVector(machine.Spec);
        var seen = new HashSet<CoreId>();
        for (var i = 0; i < machine.Spec.CoreCount; i++)
        {
            var fetch = fetches.Expect<CodeFetched>();
            Assert.Equal(TaggedAddress.Machine(resetVector), fetch.Issued);
            Assert.Equal(resetVector, fetch.Machine);
            Assert.Equal(CodeIdentity.Hypervisor, fetch.Result.Code);
            seen.Add(fetch.Core);
        }
        Assert.Equal(machine.Spec.CoreCount, seen.Count);
    }

    [Fact]
    public async Task A_machine_that_waits_for_power_on_runs_no_core_until_told()
    {
        await using var machine = TestMachine.Create(ExecutionMode.Controlled, MachineSpec.Tsar2x2, new MachineOptions { PowerOnAtStart = false });
        var statuses = machine.Events<CoreStatusChanged>();
        _ = machine.Directory;
        machine.Settle();
        statuses.ExpectNone(TimeSpan.FromSeconds(1));
        Assert.All(machine.Handle.CoreStatuses(TestMachine.Timeout).Cores, report => Assert.Equal(CoreStatus.Reset, report.Status));
        machine.Handle.PowerOn();
        Assert.IsType<MachineReady>(machine.Handle.WaitUntilStarted(TestMachine.Timeout));
    }

    [Fact]
    public async Task A_core_that_faults_before_readiness_fails_the_start_with_its_fault()
    {
        // A hypervisor program that throws: every core faults at the reset vector before it can wait.
        var options = new MachineOptions { Programs = ProgramLibrary.Empty.With(CodeIdentity.Hypervisor, _ => new FaultingProgram()) };
        await using var machine = TestMachine.Create(ExecutionMode.Controlled, MachineSpec.Tsar2x2, options);
        var failed = Assert.IsType<MachineStartFailed>(machine.Handle.WaitUntilStarted(TestMachine.Timeout));
        Assert.Equal("the hypervisor code program failed: InvalidOperationException: no hypervisor today", failed.Fault.Reason);
        Assert.Equal(TaggedAddress.Machine(RomImage.ResetVector(machine.Spec)), failed.Fault.Address);
    }

    private sealed class FaultingProgram : ICoreProgram
    {
        public void Run(ICoreCpu cpu) => throw new InvalidOperationException("no hypervisor today");
    }
}
