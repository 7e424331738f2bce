using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// A processor core. After reset it fetches the hypervisor at the reset vector through its HAT and
/// runs whatever program the <see cref="ProgramLibrary"/> has for the code it finds; programs drive
/// it through <see cref="ICoreCpu"/> (see <c>CoreActor.Instructions.cs</c>). Every status change is
/// published and reported to the machine, which derives readiness from the reports.
/// </summary>
public sealed partial class CoreActor : HardwareUnitActor
{
    private readonly CoreId core;
    private readonly ProgramLibrary programs;
    private readonly PendingRequests pending = new();

    /// <summary>Who asked for the halt being drained, and its tag (<see cref="AnswerHaltOnceDrained"/>).</summary>
    private (IActorRef To, long Tag)? halting;
    private CoreStatus status = CoreStatus.Reset;
    private ICoreProgram? program;
    private CodeIdentity? code;
    private TaggedAddress? at;
    private ulong argument;
    private int childGeneration;

    /// <summary>This generation's port (<see cref="Port"/>), once made: mail from any other is for software that has stopped.</summary>
    private IActorRef? currentPort;

    private ILoggingAdapter? log;
    /// <summary>
    /// The program's pending <see cref="ICoreCpu.After"/> timers, with the message each will deliver:
    /// cancelled when the program ends, and forgotten as each fires (the shell's program never ends,
    /// and a soak's hour of <c>wait</c>s would otherwise keep every timer it ever set).
    /// </summary>
    private readonly Dictionary<object, ICancelable> afterTimers = new(ReferenceEqualityComparer.Instance);

    /// <summary>Room for timers a core keeps once its program has ended.</summary>
    private const int TimerRoomKept = 64;

    public CoreActor(CoreId core, ProgramLibrary programs)
        : base(UnitId.Core(core))
    {
        this.core = core;
        this.programs = programs;
    }

    public static Props Props(CoreId core, ProgramLibrary programs) => ProducedProps.Of(() => new CoreActor(core, programs));

    protected override void Wired()
    {
        Receive<PowerOn>(_ => Reset());
        Receive<ResetCore>(_ => Reset());
        Receive<HaltCore>(halt =>
        {
            // Ignored, not forgotten: the replies still due say when nothing the core issued can land.
            pending.Ignore();
            program = null;
            CancelTimers();
            StopChildren();
            code = null;
            at = null;
            SetStatus(CoreStatus.Parked);
            halting = (Context.Sender, halt.Tag);
            AnswerHaltOnceDrained();
        });
        Receive<JumpCore>(jump => JumpTo(jump.Address, jump.Expected));
        Receive<GetCoreStatus>(_ => Reply(new CoreStatusReport(core, status)));
        Receive<ITaggedReply>(reply =>
        {
            RunProgramCode(() => pending.Complete(reply));
            AnswerHaltOnceDrained();
        });
        ReceiveAny(message =>
        {
            if (ForEndedProgram(message))
            {
                return;
            }

            ForgetFiredTimer(message);
            var handled = false;
            RunProgramCode(() => handled = program?.Receive(this, message) ?? false);
            if (!handled)
            {
                Unhandled(message);
            }
        });
    }

    private TaggedAddress ResetVector => TaggedAddress.Machine(RomImage.ResetVector(Directory.Spec));

    /// <summary>
    /// A halt is answered once no request the core issued before it is still in flight: a kill resets
    /// the instance's HATs, memory and mailboxes next, and a translation or a write that arrived after
    /// them would land in the reset unit (a HAT that is off passes an instance address through).
    /// </summary>
    private void AnswerHaltOnceDrained()
    {
        if (halting is not var (to, tag) || pending.Transactions > 0)
        {
            return;
        }
        halting = null;
        to.Tell(new CoreHalted(tag, core), Self);
    }

    /// <summary>Drops everything in flight and starts again at the reset vector, expecting the hypervisor.</summary>
    private void Reset()
    {
        // A reset ends a halt still draining too: what is in flight is forgotten, so nothing is left to wait for.
        Abandon();
        AnswerHaltOnceDrained();
        StopChildren();
        code = null;
        at = null;
        argument = 0;
        SetStatus(CoreStatus.Reset);
        JumpTo(ResetVector.Raw, CodeIdentity.Hypervisor);
    }

    /// <summary>
    /// A power cycle: the core as built, not fetching (power-on makes it fetch). Its software stops;
    /// the controlled run is quiescent only once it has, so the next run may reuse the names.
    /// </summary>
    protected override void ResetToPowerOn()
    {
        Abandon();
        halting = null;
        StopChildren();
        childGeneration = 0;
        pending.Restart();
        code = null;
        at = null;
        argument = 0;
        SetStatus(CoreStatus.Reset);
    }

    /// <summary>An idle core waits in the hypervisor, with no software of its own (children) and no program timer.</summary>
    protected override IEnumerable<string> Residue()
    {
        if (status != CoreStatus.Waiting)
        {
            yield return $"core {core} is {status}, not waiting";
        }
        var children = Context.GetChildren().Select(child => child.Path.Name).Order(StringComparer.Ordinal).ToList();
        if (children.Count > 0)
        {
            yield return $"core {core} has {children.Count} child actor(s) alive: {string.Join(", ", children.Take(4))}{(children.Count > 4 ? ", ..." : "")}";
        }
        if (afterTimers.Count > 0 || stallTimer is not null)
        {
            yield return $"core {core} has {afterTimers.Count + (stallTimer is null ? 0 : 1)} timer(s) of a program or a stall";
        }
    }

    /// <summary>The software the core ran (the guest's servers) goes with a reset or a halt.</summary>
    private void StopChildren()
    {
        // By name, not in Akka's order of children (a dictionary's): the run must not depend on it.
        foreach (var child in Context.GetChildren().OrderBy(child => child.Path.Name, StringComparer.Ordinal).ToList())
        {
            Context.Stop(child);
        }
        childGeneration++;
        currentPort = null;
    }

    /// <summary>Ends the current program: replies to what it issued will find nothing waiting.</summary>
    private void Abandon()
    {
        pending.Forget();
        program = null;
        CancelTimers();
    }

    private void CancelTimers()
    {
        foreach (var timer in afterTimers.Values)
        {
            timer.Cancel();
        }
        afterTimers.Clear();
        // A boot core that polled every processor's call-in at once held hundreds of timers: give the room back.
        if (afterTimers.EnsureCapacity(0) > TimerRoomKept)
        {
            afterTimers.TrimExcess();
        }
    }

    /// <summary>
    /// Whether <paramref name="message"/> was meant for a program that has ended (a reset, a halt, a
    /// fault): one of its <see cref="ICoreCpu.After"/> timers, cancelled with it but already on its way
    /// (on real threads a timer can fire as it is cancelled; the core sends itself nothing else), or
    /// mail from the port of software a reset or a halt stopped, or any mail while no program runs. The
    /// core drops it, as hardware drops what was addressed to code that no longer runs: it is not a
    /// message the running program failed to handle, which stays an unhandled message (a finding).
    /// </summary>
    private bool ForEndedProgram(object message) => message is PortMail
        ? program is null || currentPort is null || !Sender.Equals(currentPort)
        : Sender.Equals(Self) && !afterTimers.ContainsKey(message);

    /// <summary>A timer's message has come: its timer is spent (by reference: each timer has a message object of its own).</summary>
    private void ForgetFiredTimer(object message)
    {
        if (afterTimers.Count > 0)
        {
            afterTimers.Remove(message);
        }
    }

    protected override void PostStop()
    {
        CancelTimers();
        stallTimer?.Cancel();
    }

    /// <summary>The fetch succeeded: the core now executes <paramref name="found"/> from <paramref name="entry"/>.</summary>
    private void Enter(CodeIdentity found, TaggedAddress entry)
    {
        code = found;
        at = entry;
        SetStatus(RunningStatus());
        program = programs.Create(found, core);
        RunProgramCode(() => program?.Run(this));
    }

    private CoreStatus RunningStatus() => code switch
    {
        null => CoreStatus.Reset,
        CodeIdentity.Hypervisor => CoreStatus.RunningHypervisor,
        { } running => CoreStatus.Executing(running, at ?? ResetVector),
    };

    /// <summary>Stops the core: it does nothing more until reset.</summary>
    private void Stop(Fault fault)
    {
        Abandon();
        SetStatus(CoreStatus.Faulted(fault));
        Publish(new CoreFaulted(Context.Now, core, fault));
    }

    private void SetStatus(CoreStatus next)
    {
        if (next == status)
        {
            return;
        }
        var previous = status;
        status = next;
        Publish(new CoreStatusChanged(Context.Now, core, previous, next));
        Directory.MachineActor.Tell(new CoreStatusReport(core, next), Self);
    }

    /// <summary>
    /// Runs program code (an entry, a continuation, a message handler). A program that throws is a
    /// bug in the simulated software: the core faults with the reason instead of the actor failing,
    /// so the run goes on and the failure is visible where the core is.
    /// </summary>
    private void RunProgramCode(Action programCode)
    {
        try
        {
            programCode();
        }
#pragma warning disable CA1031 // Any exception from a program stops the core with its message.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            Stop(new Fault(at ?? ResetVector, $"the {code?.Describe() ?? "core"} program failed: {e.GetType().Name}: {e.Message}"));
        }
    }
}
