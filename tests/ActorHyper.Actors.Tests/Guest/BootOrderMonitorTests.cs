using ActorHyper.Actors.Events;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware.Guest;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>The boot-order monitor catches a guest that breaks the Off++ rules.</summary>
public sealed class BootOrderMonitorTests
{
    [Fact]
    public async Task A_guest_built_with_DTLB_starting_the_DMM_where_DTLB_is_off_is_caught()
    {
        // The planted kernel runs with DTLB on; the configuration (and so the monitor) says off.
        var planted = new MachineOptions { Programs = GuestPrograms.Library(new GuestOptions { Dtlb = true }, Cores.ProgramLibrary.MachineDefault) };
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: planted, guest: new GuestOptions { Dtlb = false });
        var violations = hv.Events<GuestRuleViolated>();
        hv.Ok<InstanceLaunched>("run -nc 1 -i 3");
        // The broken rule fails the controlled run where it happens: the wait is left unanswered.
        Assert.Contains("boot-order", hv.Refused("wait -i 3"), StringComparison.Ordinal);

        var violation = Assert.Single(hv.Received(violations).OfType<GuestRuleViolated>());
        Assert.Equal(3, violation.InstanceId);
        Assert.Contains("DMM started with DTLB off", violation.Message, StringComparison.Ordinal);
        Assert.Equal("boot-order", hv.Driver.Failure?.Monitor);
        Assert.Contains("DMM started with DTLB off", hv.Driver.Failure?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_started_out_of_order_and_an_id_taken_after_a_shuttle_are_caught()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled);
        var violations = hv.Events<GuestRuleViolated>();
        var unit = UnitId.Core(new CoreId(new Hardware.Addressing.ClusterId(0, 1), 0));
        var now = hv.System.Now;
        var kvm = new GuestServerStarted(now, unit, 4, ServerStart.Kvm, null, 0);
        var bank = new GuestServerStarted(now, unit, 4, ServerStart.ForMemoryBank(new Hardware.Boot.MemoryBankInfo(0, 0, new Hardware.Addressing.InstanceAddress(0, 0), 0x0100_0000)), new OffId(4, 1, 1), 0);
        hv.System.EventStream.Publish(kvm);
        hv.System.EventStream.Publish(bank);
        hv.System.EventStream.Publish(new IdleShuttleTaken(now, unit, 4, 0));
        hv.System.EventStream.Publish(new ServerIdTaken(now, unit, 4, new OffId(4, 2, 2), 0, true));

        var found = hv.Received(violations).OfType<GuestRuleViolated>().Select(v => v.Message).ToList();
        Assert.Contains(found, m => m.Contains("memory bank 0 started after the KVM", StringComparison.Ordinal));
        Assert.Contains(found, m => m.Contains("took its idle shuttle before the shuttle server started", StringComparison.Ordinal));
        Assert.Contains(found, m => m.Contains("after a shuttle exists", StringComparison.Ordinal));
    }
}
