using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using Akka.Actor;

namespace ActorHyper.Actors.Tests;

/// <summary>
/// A core drops what was meant for a program that has ended (a cancelled timer already on its way, the
/// mail of stopped software), and only that: a message its running program does not handle is still
/// unhandled, which explorations report.
/// </summary>
public sealed class StaleProgramMessageTests
{
    private sealed record Stale(int Looks);

    private static readonly CoreId Idle = new(new ClusterId(1, 1), 0);

    private static (TestMachine Machine, IActorRef Core) Start()
    {
        var machine = TestMachine.Started(ExecutionMode.Controlled, MachineSpec.Tsar2x2);
        machine.Driver.AddMonitor(new UnhandledMonitor());
        return (machine, machine.Directory.Core(Idle));
    }

    [Fact]
    public async Task A_timer_message_of_an_ended_program_and_mail_from_a_stopped_port_are_dropped()
    {
        var (machine, core) = Start();
        await using var _ = machine;

        // As a program timer that fired as its program ended: sent by the core to itself, no live timer of the running program.
        core.Tell(new Stale(3), core);
        // As mail from a port of an earlier generation: not the core's current port.
        core.Tell(new PortMail("late", ActorRefs.Nobody), machine.Directory.Core(new CoreId(Idle.Cluster, 1)));
        machine.Settle();

        Assert.Null(machine.Driver.Failure);
    }

    [Fact]
    public async Task A_message_the_running_program_does_not_handle_is_still_unhandled()
    {
        var (machine, core) = Start();
        await using var _ = machine;

        TestMachine.Post(core, new Stale(3));
        machine.Settle();

        Assert.Equal("unhandled", machine.Driver.Failure?.Monitor);
        Assert.Contains("(CoreActor) did not handle Stale", machine.Driver.Failure!.Reason, StringComparison.Ordinal);
    }
}
