using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using Akka.Actor;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// The hypervisor's view of its core: the instructions of <see cref="ICoreCpu"/>, plus what only the
/// hypervisor may do. Only an <see cref="IHypervisorProgram"/> gets it, and only the hypervisor's
/// code (<see cref="Hardware.Memory.CodeIdentity.Hypervisor"/>) entered with the core's HAT off
/// runs one (see <see cref="ProgramLibrary.WithHypervisor"/>); every other program, guest code
/// above all, gets an <see cref="ICoreCpu"/> that is not this.
/// <para>
/// Here <see cref="ICoreCpu.Self"/> is the core's own actor (the machine forwards status reports to
/// it, the hypervisor's handle types commands at it), <see cref="ICoreCpu.Sender"/> is whoever sent
/// the message, and <see cref="ICoreCpu.Tell"/> may reach a unit's actor (a posted
/// <see cref="ResetCore"/>, a TTY readout).
/// </para>
/// </summary>
public interface IHypervisorCpu : ICoreCpu
{
    /// <summary>Where every unit of the machine is: the hypervisor manages them all.</summary>
    MachineDirectory Machine { get; }

    /// <summary>
    /// A privileged control transaction: sends <paramref name="request"/>, built with a fresh tag,
    /// to a unit and hands its reply to <paramref name="then"/>, refusals included, so the program
    /// decides what a refusal means instead of the core faulting.
    /// </summary>
    void Control(IActorRef unit, Func<long, object> request, Action<ITaggedReply> then);
}
