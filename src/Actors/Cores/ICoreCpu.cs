using ActorHyper.Actors.Bus;
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
/// The instructions a core offers its program: all that guest code (the boot loader, the kernel, and
/// any program not the hypervisor's own) gets. Every address is raw, as the program issues it: it
/// goes through the core's HAT (identity when off, instance-physical when on) and is then decoded
/// on the machine's address map. Each instruction is a chain of messages that completes later, in
/// its continuation; instructions issued together may complete in any order. A translation fault,
/// an unmapped address, the wrong kind of target or a refused access stops the core with a fault
/// naming the address and the reason; the continuation then never runs.
/// <para>
/// Nothing here names a hardware unit: there is no machine directory and no request to a unit's
/// actor, and the actor references a program sees (<see cref="Self"/>, <see cref="Sender"/>, what
/// <see cref="Spawn"/> hands back) are software's. The hypervisor's privileged view is
/// <see cref="IHypervisorCpu"/>, which only its own code gets (see <see cref="ProgramLibrary"/>).
/// </para>
/// </summary>
public interface ICoreCpu
{
    CoreId Core { get; }

    CoreStatus Status { get; }

    /// <summary>Where the running code was entered, as issued (machine space before the HAT is on, instance space after).</summary>
    TaggedAddress EntryAddress { get; }

    /// <summary>The system's time (virtual in controlled runs).</summary>
    TimeSpan Now { get; }

    /// <summary>This core's random source (seeded from the system seed and the core's path).</summary>
    DeterministicRandom Random { get; }

    /// <summary>The core's logger, with Serilog-style templates (its actor path; step and virtual time in controlled runs).</summary>
    ILoggingAdapter Log { get; }

    /// <summary>
    /// Where the program's software answers it: a message sent there reaches the program's
    /// <see cref="ICoreProgram.Receive"/>. For guest code this is the core's software port (see
    /// <see cref="CorePort"/>), never the core's own actor.
    /// </summary>
    IActorRef Self { get; }

    /// <summary>
    /// Who sent the message <see cref="ICoreProgram.Receive"/> is handling: for guest code, the software
    /// that sent it to <see cref="Self"/>, and nobody for anything else (its own <see cref="After"/> messages).
    /// </summary>
    IActorRef Sender { get; }

    /// <summary>
    /// A general register that survives jumps (reset clears it): how code hands a value to the code
    /// it jumps to, as the hypervisor's wake-up hands the mailbox value to the HAT activation code.
    /// </summary>
    ulong Argument { get; set; }

    /// <summary>
    /// Continues at <paramref name="address"/>: fetches there and runs the program found, expecting
    /// <paramref name="expected"/>'s entry point (or any code's, when null). Ends the current program.
    /// </summary>
    void Jump(ulong address, CodeIdentity? expected = null);

    /// <summary>Executes <c>wait</c>: sleeps until the core's XICU line is high, then calls the program's <see cref="ICoreProgram.OnInterrupt"/>.</summary>
    void Wait();

    /// <summary>
    /// Like <see cref="Wait"/>, the core becomes its line's waiter at its XICU, but it keeps running
    /// (its status does not change): interrupts are enabled while it runs. When the line goes high the
    /// program's <see cref="ICoreProgram.OnInterrupt"/> is called once; listen again for the next one.
    /// </summary>
    void ListenForInterrupts();

    /// <summary>
    /// Programs a DMA engine: <paramref name="dmaRegisters"/> goes through the core's HAT and must reach
    /// a DMA; the engine (its own DMA HAT translating <paramref name="source"/> and <paramref name="destination"/>)
    /// answers <see cref="Devices.DmaTransferDone"/> or <see cref="Devices.DmaTransferFailed"/>, handed to <paramref name="then"/>.
    /// </summary>
    void StartDma(ulong dmaRegisters, Devices.DmaSource source, ulong destination, uint length, Action<ITaggedReply> then);

    /// <summary>
    /// Starts an actor of software the core runs (the guest's servers) under the core's software
    /// port, and hands its reference to <paramref name="then"/>. The port is the core's child: a reset,
    /// a halt or a power cycle stops it with everything spawned under it, so a kill removes them. A
    /// name already taken since the core's last reset faults the core.
    /// </summary>
    void Spawn(Props props, string name, Action<IActorRef> then);

    /// <summary>Reads one of the core's own XICU mailboxes (clearing its pending bit).</summary>
    void ReadMailbox(int slot, Action<XicuReadResult> then);

    /// <summary>Writes a mailbox anywhere on the chip (an IPI): <paramref name="address"/> must reach an XICU slot.</summary>
    void WriteMailbox(ulong address, uint value, Action? then = null);

    /// <summary>Stores one content over [address, +length) of RAM.</summary>
    void Store(ulong address, uint length, MemoryContent content, Action? then = null);

    /// <summary>Reads [address, +length) of RAM or ROM: the regions there, clipped to the range.</summary>
    void Load(ulong address, uint length, Action<ValueList<MemoryRegion>> then);

    /// <summary>Copies [source, +length) (RAM or ROM) over [destination, +length) of RAM.</summary>
    void Copy(ulong source, ulong destination, uint length, Action? then = null);

    /// <summary>Writes a line to the TTY sub-channel at <paramref name="address"/>.</summary>
    void WriteTty(ulong address, string text, Action? then = null);

    /// <summary>Paints a rectangle on the frame-buffer channel at <paramref name="address"/>.</summary>
    void FillFrame(ulong address, Hardware.Display.FrameFill fill, Action? then = null);

    /// <summary>Turns the core's own HAT on (it must have been configured); refused activation faults the core.</summary>
    void ActivateHat(Action? then = null);

    /// <summary>Delivers <paramref name="message"/> to the program's <see cref="ICoreProgram.Receive"/> after <paramref name="delay"/> of system time.</summary>
    void After(TimeSpan delay, object message);

    /// <summary>Cancels the <see cref="After"/> timer that would deliver <paramref name="message"/> (the same object), if it has not fired.</summary>
    void CancelAfter(object message);

    /// <summary>Publishes what the software did (the hypervisor's steps) on the event stream, next to the hardware's events.</summary>
    void Publish(HardwareEvent happened);

    /// <summary>
    /// Sends a message to a software actor (a service of the program), from <see cref="Self"/>: its
    /// answers reach <see cref="ICoreProgram.Receive"/>. Guest code reaches hardware only through the
    /// instructions: a message to a hardware unit's actor faults the core (the program's code stops there).
    /// </summary>
    void Tell(IActorRef target, object message);

    /// <summary>Stops the core with a fault at the current address: the program found something it cannot go on with.</summary>
    void Fault(string reason);
}
