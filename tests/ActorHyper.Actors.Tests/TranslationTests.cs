using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Translation;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using ActorHyper.Hardware.Resources;
using ActorHyper.Hardware.Translation;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

public sealed class TranslationTests
{
    private const int InstanceId = 3;

    private static readonly MachineSpec Spec = MachineSpec.Tsar4x4;

    /// <summary>Machine cluster number 5 in mesh order: (1,1) on a 4x4.</summary>
    private static readonly ClusterId Cluster5 = Spec.Clusters().ElementAt(5);

    private static readonly CoreId Core = new(new ClusterId(2, 0), 1);

    private static HatConfiguration OneClusterInstance() =>
        HatConfiguration.For(Spec, new Allocation(InstanceId, ValueList.Of(Cluster5), InstanceId, InstanceId, InstanceId));

    private static void ConfigureAndActivate(TestMachine machine, IActorRef hat)
    {
        Assert.True(machine.Ask<HatOperationDone>(hat, new ConfigureHat(1, OneClusterInstance())).Outcome.IsSuccess);
        Assert.True(machine.Ask<HatOperationDone>(hat, new ActivateHat(2)).Outcome.IsSuccess);
    }

    [Theory]
    [InlineData(ExecutionMode.Controlled)]
    [InlineData(ExecutionMode.Concurrent)]
    public async Task A_core_whose_HAT_maps_instance_cluster_0_to_machine_cluster_5_fetches_there_at_the_same_offset(ExecutionMode mode)
    {
        await using var machine = TestMachine.Started(mode, Spec);
        var fetches = machine.Events<CodeFetched>();
        var statuses = machine.Events<CoreStatusChanged>();
        Assert.Equal(new ClusterId(1, 1), Cluster5);
        ConfigureAndActivate(machine, machine.Directory.CoreHat(Core));
        machine.PlaceCode(Cluster5, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader, BootLayout.BootLoaderSize);

        // The boot loader's address as the instance knows it (k0:0x00300000) fits a mailbox: the IPI carries it.
        var wake = (uint)BootLayout.BootLoader.Raw;
        TestMachine.Post(machine.Directory.Xicu(Core.Cluster), new WriteMailbox(0, machine.Directory.Layout.IpiSlot(Core.Index), wake, UnitId.External));

        var fetch = fetches.FishFor<CodeFetched>(f => f.Core == Core);
        Assert.Equal(TaggedAddress.Instance(BootLayout.BootLoader), fetch.Issued);
        Assert.Equal(new MachineAddress(Cluster5, BootLayout.BootLoaderOffset), fetch.Machine);
        var executing = TestMachine.NextStatus(statuses, Core, status => status.State == CoreState.Executing);
        Assert.Equal(CoreStatus.Executing(CodeIdentity.BootLoader, BootLayout.BootLoader), executing.Status);
    }

    [Fact]
    public async Task A_configured_HAT_that_is_not_active_still_passes_addresses_through()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var faults = machine.Events<CoreFaulted>();
        machine.Ask<HatOperationDone>(machine.Directory.CoreHat(Core), new ConfigureHat(1, OneClusterInstance()));
        machine.PlaceCode(Cluster5, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(BootLayout.BootLoader.Raw, CodeIdentity.BootLoader));
        // The same raw address is machine cluster (0,0), the hypervisor's, where nothing was put.
        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(TaggedAddress.Machine(new MachineAddress(MachineSpec.HypervisorCluster, BootLayout.BootLoaderOffset)), fault.Fault.Address);
        Assert.Equal("no code here: empty memory (expected the boot loader)", fault.Fault.Reason);
    }

    [Fact]
    public async Task With_the_HAT_on_an_address_outside_the_instance_faults_with_a_clear_reason()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var faults = machine.Events<CoreFaulted>();
        ConfigureAndActivate(machine, machine.Directory.CoreHat(Core));
        var outside = new InstanceAddress(2, BootLayout.BootLoaderOffset);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(outside.Raw));
        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal(Core, fault.Core);
        Assert.Equal(TaggedAddress.Instance(outside), fault.Fault.Address);
        Assert.Equal("translation fault: instance cluster 2 is outside the instance (1 cluster)", fault.Fault.Reason);
        Assert.Equal(CoreStatus.Faulted(fault.Fault), machine.StatusOf(Core));
    }

    [Fact]
    public async Task With_the_HAT_on_the_hypervisor_cluster_is_out_of_reach_except_the_Running_mailbox()
    {
        var layout = XicuLayout.For(Spec);
        var options = new MachineOptions
        {
            Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new ScriptedCore(cpu =>
                cpu.WriteMailbox(DeviceWindow.HypervisorMailbox(layout.RunningSlot(InstanceId)).Raw, InstanceId, () =>
                    cpu.WriteMailbox(DeviceWindow.HypervisorMailbox(layout.IpiSlot(0)).Raw, 0x1234)))),
        };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        var faults = machine.Events<CoreFaulted>();
        var sent = machine.Events<IpiSent>();
        ConfigureAndActivate(machine, machine.Directory.CoreHat(Core));
        machine.PlaceCode(Cluster5, BootLayout.BootLoaderOffset, CodeIdentity.BootLoader);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(BootLayout.BootLoader.Raw, CodeIdentity.BootLoader));

        var running = sent.Expect<IpiSent>();
        Assert.Equal(new XicuTarget(MachineSpec.HypervisorCluster, layout.RunningSlot(InstanceId)), running.Mailbox);
        Assert.Equal(UnitId.Core(Core), running.Writer);
        Assert.Equal((uint)InstanceId, running.Value);
        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal($"translation fault: XICU slot 0 of the hypervisor cluster is not this instance's Running mailbox (slot {layout.RunningSlot(InstanceId)})",
            fault.Fault.Reason);
        sent.ExpectNone(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_HAT_refuses_activation_before_configuration_and_publishes_the_refusal()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var refusals = machine.Events<HatRefused>();
        var hat = machine.Directory.CoreHat(Core);
        var done = machine.Ask<HatOperationDone>(hat, new ActivateHat(7));
        Assert.Equal(7, done.Tag);
        Assert.Equal("the HAT was activated before it was configured", done.Outcome.Refusal);
        var refused = refusals.Expect<HatRefused>();
        Assert.Equal(UnitId.CoreHat(Core), refused.Hat);
        Assert.Equal(HatOperation.Activate, refused.Operation);
        Assert.Equal(HatMode.Off, machine.Ask<HatSnapshot>(hat, GetHatState.Instance).Mode);
    }

    [Fact]
    public async Task HAT_configuration_activation_and_reset_are_published_in_order()
    {
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec);
        var configured = machine.Events<HatConfigured>();
        var activated = machine.Events<HatActivated>();
        var reset = machine.Events<HatReset>();
        var hat = machine.Directory.DmaHat(Cluster5);
        ConfigureAndActivate(machine, hat);
        Assert.Equal(OneClusterInstance(), configured.Expect<HatConfigured>().Configuration);
        Assert.Equal(UnitId.DmaHat(Cluster5), activated.Expect<HatActivated>().Hat);
        Assert.Equal(HatMode.Active, machine.Ask<HatSnapshot>(hat, GetHatState.Instance).Mode);
        Assert.True(machine.Ask<HatOperationDone>(hat, new ResetHat(3)).Outcome.IsSuccess);
        Assert.Equal(UnitId.DmaHat(Cluster5), reset.Expect<HatReset>().Hat);
        Assert.Equal(new HatSnapshot(UnitId.DmaHat(Cluster5), HatMode.Off, null), machine.Ask<HatSnapshot>(hat, GetHatState.Instance));
    }

    [Fact]
    public async Task A_core_that_activates_its_own_HAT_keeps_running_in_the_copy_at_the_same_offset()
    {
        // Seed 000, "Mise en place de la Hat de P0 C_0i": the HAT code sits at the same offset in the
        // hypervisor cluster and in the instance's cluster 0; after activation the same fetch address lands in the copy.
        // The same code runs twice: from the hypervisor cluster (machine space), where it turns the
        // HAT on and jumps to its own offset; then from the copy (instance space), where it goes on.
        var options = new MachineOptions
        {
            Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.HatActivation, _ => new ScriptedCore(cpu =>
            {
                if (cpu.EntryAddress.Space == AddressSpace.Machine)
                {
                    cpu.ActivateHat(() => cpu.Jump(BootLayout.HatCodeOffset, CodeIdentity.HatActivation));
                }
            })),
        };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        var fetches = machine.Events<CodeFetched>();
        machine.Ask<HatOperationDone>(machine.Directory.CoreHat(Core), new ConfigureHat(1, OneClusterInstance()));
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.HatCodeOffset, CodeIdentity.HatActivation, BootLayout.HatCodeSize);
        machine.PlaceCode(Cluster5, BootLayout.HatCodeOffset, CodeIdentity.HatActivation, BootLayout.HatCodeSize);
        TestMachine.Post(machine.Directory.Xicu(Core.Cluster),
            new WriteMailbox(0, machine.Directory.Layout.IpiSlot(Core.Index), BootLayout.HatCodeOffset, UnitId.External));

        var before = fetches.FishFor<CodeFetched>(f => f.Core == Core);
        Assert.Equal(BootLayout.HatCodeInHypervisorCluster, before.Machine);
        Assert.Equal(AddressSpace.Machine, before.Issued.Space);
        var after = fetches.FishFor<CodeFetched>(f => f.Core == Core);
        Assert.Equal(new MachineAddress(Cluster5, BootLayout.HatCodeOffset), after.Machine);
        Assert.Equal(TaggedAddress.Instance(BootLayout.HatCodeInInstance), after.Issued);
        Assert.Equal(CoreStatus.Executing(CodeIdentity.HatActivation, BootLayout.HatCodeInInstance), machine.StatusOf(Core));
    }

    [Fact]
    public async Task Activating_an_unconfigured_HAT_from_a_program_faults_the_core()
    {
        var options = new MachineOptions
        {
            Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.HatActivation, _ => new ScriptedCore(cpu => cpu.ActivateHat())),
        };
        await using var machine = TestMachine.Started(ExecutionMode.Controlled, Spec, options);
        var faults = machine.Events<CoreFaulted>();
        machine.PlaceCode(MachineSpec.HypervisorCluster, BootLayout.HatCodeOffset, CodeIdentity.HatActivation);
        machine.Probe.Send(machine.Directory.Core(Core), new JumpCore(BootLayout.HatCodeInHypervisorCluster.Raw));
        var fault = faults.Expect<CoreFaulted>();
        Assert.Equal("HAT activation refused: the HAT was activated before it was configured", fault.Fault.Reason);
        Assert.Equal(TaggedAddress.Machine(BootLayout.HatCodeInHypervisorCluster), fault.Fault.Address);
    }
}
