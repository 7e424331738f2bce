using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

public sealed class WaitAndWakeTests
{
    private static readonly CoreId Target = new(new ClusterId(1, 0), 2);

    private static readonly MachineAddress BootLoaderInHypervisorCluster = new(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset);

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task An_IPI_sent_before_the_core_executes_wait_still_wakes_it(ExecutionMode mode)
    {
        await using var machine = TestMachine.Create(mode, MachineSpec.Tsar2x2, new MachineOptions { PowerOnAtStart = false });
        var statuses = machine.Events<CoreStatusChanged>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        var slot = machine.Directory.Layout.IpiSlot(Target.Index);
        var written = machine.Ask<MailboxWriteDone>(machine.Directory.Xicu(Target.Cluster),
            new WriteMailbox(1, slot, BootLayout.BootLoaderOffset, UnitId.External));
        Assert.False(written.Result.Overwrote);
        Assert.Equal(CoreStatus.Reset, machine.StatusOf(Target));

        machine.Handle.PowerOn();

        // The core gets to wait only after the IPI was latched, and still wakes and continues at its address.
        TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Waiting);
        var executing = TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Executing);
        Assert.Equal(CoreStatus.Executing(CodeIdentity.BootLoader, BootLoaderInHypervisorCluster), executing.Status);
        var xicu = machine.Ask<XicuSnapshot>(machine.Directory.Xicu(Target.Cluster), GetXicuState.Instance);
        Assert.DoesNotContain(xicu.Pending, pending => pending.Slot == slot);
    }

    [Fact]
    public async Task A_masked_slot_does_not_wake_the_core_and_unmasking_it_does()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var statuses = machine.Events<CoreStatusChanged>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        var xicu = machine.Directory.Xicu(Target.Cluster);
        var slot = machine.Directory.Layout.IpiSlot(Target.Index);
        machine.Ask<MaskSet>(xicu, new SetMask(1, Target.Index, slot, Enabled: false));
        machine.Ask<MailboxWriteDone>(xicu, new WriteMailbox(2, slot, BootLayout.BootLoaderOffset, UnitId.External));

        machine.Settle();
        statuses.ExpectNone(TimeSpan.FromSeconds(1));
        Assert.Equal(CoreStatus.Waiting, machine.StatusOf(Target));
        var snapshot = machine.Ask<XicuSnapshot>(xicu, GetXicuState.Instance);
        Assert.Contains(new XicuReadResult(slot, BootLayout.BootLoaderOffset, true), snapshot.Pending);
        Assert.Contains(Target.Index, snapshot.WaitingLines);

        machine.Ask<MaskSet>(xicu, new SetMask(3, Target.Index, slot, Enabled: true));
        var executing = TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Executing);
        Assert.Equal(CodeIdentity.BootLoader, executing.Status.Code);
    }

    [Fact]
    public async Task A_slot_enabled_into_another_line_wakes_only_that_line()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var statuses = machine.Events<CoreStatusChanged>();
        var xicu = machine.Directory.Xicu(Target.Cluster);
        // Another core's IPI slot: enabled only into that core's line.
        var other = new CoreId(Target.Cluster, 3);
        machine.Ask<MailboxWriteDone>(xicu, new WriteMailbox(1, machine.Directory.Layout.IpiSlot(other.Index), BootLayout.BootLoaderOffset, UnitId.External));
        var woken = TestMachine.NextStatus(statuses, other, status => status.State != CoreState.Waiting);
        Assert.Equal(other, woken.Core);
        machine.Settle();
        Assert.Equal(CoreStatus.Waiting, machine.StatusOf(Target));
    }

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task Two_writes_before_a_read_are_reported_as_an_overwrite(ExecutionMode mode)
    {
        await using var machine = TestMachine.Started(mode, MachineSpec.Tsar2x2);
        var overwrites = machine.Events<MailboxOverwritten>();
        var xicu = machine.Directory.Xicu(Target.Cluster);
        var slot = machine.Directory.Layout.IpiSlot(Target.Index);
        // Masked, so the core cannot take the first IPI between the two writes.
        machine.Ask<MaskSet>(xicu, new SetMask(1, Target.Index, slot, Enabled: false));
        var first = machine.Ask<MailboxWriteDone>(xicu, new WriteMailbox(2, slot, 0x1111, new UnitId(UnitKind.Core, new ClusterId(0, 1), 0)));
        var second = machine.Ask<MailboxWriteDone>(xicu, new WriteMailbox(3, slot, 0x2222, new UnitId(UnitKind.Core, new ClusterId(1, 1), 1)));
        Assert.False(first.Result.Overwrote);
        Assert.True(second.Result.Overwrote);

        var overwrite = overwrites.Expect<MailboxOverwritten>();
        Assert.Equal(new XicuTarget(Target.Cluster, slot), overwrite.Mailbox);
        Assert.Equal(0x1111u, overwrite.LostValue);
        Assert.Equal(0x2222u, overwrite.NewValue);
        Assert.Equal(new UnitId(UnitKind.Core, new ClusterId(1, 1), 1), overwrite.Writer);

        var read = machine.Ask<MailboxReadDone>(xicu, new ReadMailbox(4, slot, UnitId.External));
        Assert.Equal(new XicuReadResult(slot, 0x2222, true), read.Result);
        machine.Ask<MailboxWriteDone>(xicu, new WriteMailbox(5, slot, 0x3333, UnitId.External));
        overwrites.ExpectNone(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_woken_core_reads_its_mailbox_and_the_IPI_is_published_sent_and_taken()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var sent = machine.Events<IpiSent>();
        var taken = machine.Events<IpiTaken>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        var slot = machine.Directory.Layout.IpiSlot(Target.Index);
        machine.Probe.Send(machine.Directory.Xicu(Target.Cluster), new WriteMailbox(1, slot, BootLayout.BootLoaderOffset, UnitId.External));
        var ipi = sent.Expect<IpiSent>();
        Assert.Equal(new XicuTarget(Target.Cluster, slot), ipi.Mailbox);
        Assert.Equal(BootLayout.BootLoaderOffset, ipi.Value);
        var take = taken.Expect<IpiTaken>();
        Assert.Equal(UnitId.Core(Target), take.Reader);
        Assert.Equal(BootLayout.BootLoaderOffset, take.Value);
        Assert.True(take.WasPending);
        Assert.True(take.At >= ipi.At);
    }

    [Fact]
    public async Task Waking_into_empty_memory_faults_with_the_address_and_the_reason()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var faults = machine.Events<CoreFaulted>();
        TestMachine.Post(machine.Directory.Xicu(Target.Cluster),
            new WriteMailbox(1, machine.Directory.Layout.IpiSlot(Target.Index), 0x0050_0000, UnitId.External));
        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(Target, fault.Core);
        Assert.Equal(TaggedAddress.Machine(new MachineAddress(MachineSpec.HypervisorCluster, 0x0050_0000)), fault.Fault.Address);
        Assert.Equal("no code here: empty memory", fault.Fault.Reason);
        Assert.Equal(CoreState.Faulted, machine.StatusOf(Target).State);
    }

    [Fact]
    public async Task Jumping_to_the_wrong_code_or_inside_a_block_faults_with_the_reason()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var faults = machine.Events<CoreFaulted>();
        machine.PlaceCode(new ClusterId(1, 1), 0x0030_0000, CodeIdentity.BootLoader, 0x4000);
        var wrong = new CoreId(new ClusterId(0, 1), 1);
        var inside = new CoreId(new ClusterId(0, 1), 2);
        machine.Probe.Send(machine.Directory.Core(wrong), new JumpCore(new MachineAddress(new ClusterId(1, 1), 0x0030_0000).Raw, CodeIdentity.HatActivation));
        var wrongFault = faults.Expect<CoreFaulted>();
        Assert.Equal(wrong, wrongFault.Core);
        Assert.Equal("wrong code: the boot loader is here (expected the HAT activation code)", wrongFault.Fault.Reason);
        Assert.Equal("(1,1):0x00300000", wrongFault.Fault.Address.ToString());

        machine.Probe.Send(machine.Directory.Core(inside), new JumpCore(new MachineAddress(new ClusterId(1, 1), 0x0030_0100).Raw));
        var insideFault = faults.Expect<CoreFaulted>();
        Assert.Equal(inside, insideFault.Core);
        Assert.Equal("0x100 bytes inside the boot loader, not at its entry", insideFault.Fault.Reason);
        Assert.Equal(CoreStatus.Faulted(insideFault.Fault), machine.StatusOf(inside));
    }

    [Fact]
    public async Task Jumping_into_a_device_or_an_unmapped_address_faults_with_the_reason()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var faults = machine.Events<CoreFaulted>();
        var core = new CoreId(new ClusterId(1, 1), 0);
        machine.Probe.Send(machine.Directory.Core(core), new JumpCore(machine.Directory.Map.XicuSlot(new ClusterId(1, 1), 3).Raw));
        Assert.Equal("no code here: the XICU of (1,1) slot 3 is not memory", faults.Expect<CoreFaulted>().Fault.Reason);
        machine.Probe.Send(machine.Directory.Core(core), ResetCore.Instance);
        machine.Probe.Send(machine.Directory.Core(core), new JumpCore(new MachineAddress(new ClusterId(3, 3), 0).Raw));
        Assert.Equal("unmapped: cluster (3,3) is outside the 2x2 mesh", faults.Expect<CoreFaulted>().Fault.Reason);
    }

    [Fact]
    public async Task A_faulted_core_ignores_wake_ups_until_it_is_reset()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        var statuses = machine.Events<CoreStatusChanged>();
        var core = machine.Directory.Core(Target);
        machine.Probe.Send(core, new JumpCore(0x0050_0000));
        TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Faulted);
        TestMachine.Post(machine.Directory.Xicu(Target.Cluster),
            new WriteMailbox(1, machine.Directory.Layout.IpiSlot(Target.Index), BootLayout.BootLoaderOffset, UnitId.External));
        machine.Settle();
        Assert.Equal(CoreState.Faulted, machine.StatusOf(Target).State);

        // After a reset it runs the hypervisor again, waits, and takes the IPI that was latched meanwhile.
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(core, ResetCore.Instance);
        TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Reset);
        TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Waiting);
        var executing = TestMachine.NextStatus(statuses, Target, status => status.State == CoreState.Executing);
        Assert.Equal(CodeIdentity.BootLoader, executing.Status.Code);
    }
}
