using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// The view of the core that guest code gets (every program but the hypervisor's own, see
/// <see cref="ProgramLibrary"/>): the same instructions, each through the core's HAT, but no machine
/// directory, no control transactions, and no reference to the core's actor or any other unit.
/// </summary>
public sealed partial class CoreActor
{
    private GuestCpu? guestCpu;

    /// <summary>What a guest program is handed instead of the core: an object that is only an <see cref="ICoreCpu"/>.</summary>
    internal ICoreCpu GuestView => guestCpu ??= new GuestCpu(this);

    /// <summary>
    /// Hands <paramref name="message"/> to a guest program: what its software sent to the port, with
    /// that software as the sender; anything else (its own <see cref="ICoreCpu.After"/> messages)
    /// from nobody, so the guest never learns a unit's actor from a sender.
    /// </summary>
    internal bool DeliverToGuest(ICoreProgram guest, object message)
    {
        var view = (GuestCpu)GuestView;
        return message is PortMail mail ? view.Deliver(guest, mail.Message, mail.Sender) : view.Deliver(guest, message, ActorRefs.Nobody);
    }

    /// <summary>
    /// Whether <paramref name="target"/> is the machine's, a cluster's or a unit's actor (this core's
    /// included): the machine and the two levels below it (<c>c-X-Y</c>, then its units). Software
    /// lives deeper, under a core's port. Read from the path, without a set of every unit per core
    /// (a 16×16 machine has 1,024 cores and thousands of units).
    /// </summary>
    private bool IsHardwareUnit(IActorRef target)
    {
        var machine = Directory.MachineActor.Path;
        var path = target.Path;
        for (var levels = 0; levels <= 2 && path is not null; levels++)
        {
            if (path.Equals(machine))
            {
                return true;
            }
            path = path.Parent;
        }
        return false;
    }

    /// <summary>
    /// The guest's view. Instructions go to the core as they are; the software-facing members are the
    /// port's: <see cref="Self"/> is the port, messages leave from it, and a message to a unit's actor
    /// stops the program's code with a fault.
    /// </summary>
    private sealed class GuestCpu(CoreActor owner) : ICoreCpu
    {
        private readonly ICoreCpu core = owner;
        private IActorRef sender = ActorRefs.Nobody;

        public CoreId Core => core.Core;

        public CoreStatus Status => core.Status;

        public TaggedAddress EntryAddress => core.EntryAddress;

        public TimeSpan Now => core.Now;

        public DeterministicRandom Random => core.Random;

        public ILoggingAdapter Log => core.Log;

        public IActorRef Self => owner.Port();

        public IActorRef Sender => sender;

        public ulong Argument
        {
            get => core.Argument;
            set => core.Argument = value;
        }

        public void Jump(ulong address, CodeIdentity? expected = null) => core.Jump(address, expected);

        public void Wait() => core.Wait();

        public void ListenForInterrupts() => core.ListenForInterrupts();

        public void StartDma(ulong dmaRegisters, DmaSource source, ulong destination, uint length, Action<ITaggedReply> then) =>
            core.StartDma(dmaRegisters, source, destination, length, then);

        public void Spawn(Props props, string name, Action<IActorRef> then) => core.Spawn(props, name, then);

        public void ReadMailbox(int slot, Action<XicuReadResult> then) => core.ReadMailbox(slot, then);

        public void WriteMailbox(ulong address, uint value, Action? then = null) => core.WriteMailbox(address, value, then);

        public void Store(ulong address, uint length, MemoryContent content, Action? then = null) => core.Store(address, length, content, then);

        public void Load(ulong address, uint length, Action<ValueList<MemoryRegion>> then) => core.Load(address, length, then);

        public void Copy(ulong source, ulong destination, uint length, Action? then = null) => core.Copy(source, destination, length, then);

        public void WriteTty(ulong address, string text, Action? then = null) => core.WriteTty(address, text, then);

        public void FillFrame(ulong address, Hardware.Display.FrameFill fill, Action? then = null) => core.FillFrame(address, fill, then);

        public void ActivateHat(Action? then = null) => core.ActivateHat(then);

        public void After(TimeSpan delay, object message) => core.After(delay, message);

        public void CancelAfter(object message) => core.CancelAfter(message);

        public void Publish(HardwareEvent happened) => core.Publish(happened);

        public void Tell(IActorRef target, object message)
        {
            ArgumentNullException.ThrowIfNull(target);
            ArgumentNullException.ThrowIfNull(message);
            if (owner.IsHardwareUnit(target))
            {
                // Thrown, not a fault and return: nothing the program would do next may run.
                throw new InvalidOperationException(
                    $"guest code reaches hardware only through its core's instructions, not by messages to {target.Path} (a hardware unit)");
            }
            target.Tell(message, owner.Port());
        }

        public void Fault(string reason) => core.Fault(reason);

        public bool Deliver(ICoreProgram guest, object message, IActorRef from)
        {
            sender = from;
            try
            {
                return guest.Receive(this, message);
            }
            finally
            {
                sender = ActorRefs.Nobody;
            }
        }
    }
}
