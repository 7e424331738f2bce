using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;
using ActorHyper.Hardware.Memory;
using Akka.Actor;
using Akka.Event;
using DevicesStartDma = ActorHyper.Actors.Devices.StartDma;
using DevicesTty = ActorHyper.Actors.Devices.WriteTty;
using XicuRead = ActorHyper.Actors.Interrupts.ReadMailbox;
using XicuWrite = ActorHyper.Actors.Interrupts.WriteMailbox;

namespace ActorHyper.Actors.Cores;

/// <summary>
/// The core's instructions. Each access is a transaction of messages: a translation by the core's
/// HAT, then a request to the unit the machine address decodes to, then its reply. The core itself
/// is the hypervisor's view (<see cref="IHypervisorCpu"/>); guest code gets the narrower view of
/// <c>CoreActor.GuestCpu.cs</c>, which issues the same instructions.
/// </summary>
public sealed partial class CoreActor : IHypervisorCpu
{
    CoreId ICoreCpu.Core => core;

    MachineDirectory IHypervisorCpu.Machine => Directory;

    CoreStatus ICoreCpu.Status => status;

    TaggedAddress ICoreCpu.EntryAddress => CurrentAddress;

    TimeSpan ICoreCpu.Now => Context.Now;

    DeterministicRandom ICoreCpu.Random => Context.Random;

    IActorRef ICoreCpu.Self => Self;

    ILoggingAdapter ICoreCpu.Log => log ??= ActorLog.Of(Context);

    IActorRef ICoreCpu.Sender => Context.Sender;

    ulong ICoreCpu.Argument
    {
        get => argument;
        set => argument = value;
    }

    void ICoreCpu.Jump(ulong address, CodeIdentity? expected) => JumpTo(address, expected);

    void ICoreCpu.Wait()
    {
        SetStatus(CoreStatus.Waiting);
        Request(CurrentAddress, Directory.Xicu(core.Cluster), tag => new WaitForInterrupt(tag, core.Index), reply =>
        {
            var raised = (LineRaised)reply;
            SetStatus(RunningStatus());
            program?.OnInterrupt(this, raised.Slot);
        }, standing: true);
    }

    void ICoreCpu.ListenForInterrupts() =>
        Request(CurrentAddress, Directory.Xicu(core.Cluster), tag => new WaitForInterrupt(tag, core.Index),
            reply => program?.OnInterrupt(this, ((LineRaised)reply).Slot), standing: true);

    void ICoreCpu.StartDma(ulong dmaRegisters, DmaSource source, ulong destination, uint length, Action<ITaggedReply> then)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(then);
        Access(dmaRegisters, (issued, target) =>
        {
            if (Expect(issued, target, DeviceKind.Dma, "a DMA engine"))
            {
                Request(issued, Directory.Dma(target.Cluster), tag => new DevicesStartDma(tag, source, destination, length, Unit), then);
            }
        });
    }

    void ICoreCpu.Spawn(Props props, string name, Action<IActorRef> then)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(then);
        var where = CurrentAddress;
        // Standing: the port is the core's own child, stopped with it at a halt, so its answer may never come.
        var tag = pending.RegisterStanding(reply =>
        {
            var spawned = (SoftwareSpawned)reply;
            if (spawned.Actor is not { } actor)
            {
                Stop(new Fault(where, $"cannot start the actor '{name}': {spawned.Refusal}"));
                return;
            }
            then(actor);
        });
        Port().Tell(new SpawnSoftware(tag, props, name), Self);
    }

    /// <summary>
    /// The core's software port since its last reset, created at first use. Stopped children keep
    /// their names until they have terminated, so each generation's port has its own name; a power
    /// cycle waits for the core's children to terminate before it counts generations from 0 again.
    /// </summary>
    private IActorRef Port()
    {
        if (currentPort is not null)
        {
            return currentPort;
        }

        var name = $"port-g{childGeneration}";
        var port = Context.Child(name);
        currentPort = port.IsNobody() ? Context.ActorOf(CorePort.Props(), name) : port;
        return currentPort;
    }

    void ICoreCpu.ReadMailbox(int slot, Action<XicuReadResult> then)
    {
        ArgumentNullException.ThrowIfNull(then);
        Request(CurrentAddress, Directory.Xicu(core.Cluster), tag => new XicuRead(tag, slot, Unit),
            reply => then(((MailboxReadDone)reply).Result));
    }

    void ICoreCpu.WriteMailbox(ulong address, uint value, Action? then) =>
        Access(address, (issued, target) =>
        {
            if (Expect(issued, target, DeviceKind.Xicu, "an XICU mailbox"))
            {
                Request(issued, Directory.Xicu(target.Cluster), tag => new XicuWrite(tag, target.Channel, value, Unit), _ => then?.Invoke());
            }
        });

    void ICoreCpu.Store(ulong address, uint length, MemoryContent content, Action? then) =>
        Access(address, (issued, target) =>
        {
            if (Expect(issued, target, DeviceKind.Ram, "RAM"))
            {
                Request(issued, Directory.Memory(target.Cluster), tag => new WriteMemory(tag, target.SegmentOffset, length, content, Unit),
                    _ => then?.Invoke());
            }
        });

    void ICoreCpu.Load(ulong address, uint length, Action<ValueList<MemoryRegion>> then)
    {
        ArgumentNullException.ThrowIfNull(then);
        Access(address, (issued, target) =>
        {
            if (MemoryUnit(issued, target) is { } memory)
            {
                Request(issued, memory, tag => new ReadMemory(tag, target.SegmentOffset, length), reply => then(((MemoryContents)reply).Pieces));
            }
        });
    }

    void ICoreCpu.Copy(ulong source, ulong destination, uint length, Action? then) =>
        Access(source, (sourceIssued, from) =>
        {
            if (MemoryUnit(sourceIssued, from) is null)
            {
                return;
            }
            Access(destination, (issued, to) =>
            {
                if (Expect(issued, to, DeviceKind.Ram, "RAM"))
                {
                    Request(issued, Directory.Memory(to.Cluster), tag => new CopyMemory(tag, from.Address, to.SegmentOffset, length, Unit),
                        _ => then?.Invoke());
                }
            });
        });

    void ICoreCpu.WriteTty(ulong address, string text, Action? then) =>
        Access(address, (issued, target) =>
        {
            if (Expect(issued, target, DeviceKind.Tty, "a TTY sub-channel"))
            {
                Request(issued, Directory.Tty, tag => new DevicesTty(tag, target.Channel, target.SubChannel, text, Unit), _ => then?.Invoke());
            }
        });

    void ICoreCpu.FillFrame(ulong address, Hardware.Display.FrameFill fill, Action? then) =>
        Access(address, (issued, target) =>
        {
            if (Expect(issued, target, DeviceKind.Fbf, "a frame-buffer channel"))
            {
                Request(issued, Directory.Fbf, tag => new FillFrame(tag, target.Channel, fill, Unit), _ => then?.Invoke());
            }
        });

    void ICoreCpu.ActivateHat(Action? then)
    {
        var where = CurrentAddress;
        Request(where, Directory.CoreHat(core), tag => new ActivateHat(tag), reply =>
        {
            if (((HatOperationDone)reply).Outcome.Refusal is { } reason)
            {
                Stop(new Fault(where, $"HAT activation refused: {reason}"));
                return;
            }
            then?.Invoke();
        });
    }

    void IHypervisorCpu.Control(IActorRef unit, Func<long, object> request, Action<ITaggedReply> then)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(then);
        unit.Tell(request(pending.Register(then)), Self);
    }

    void ICoreCpu.After(TimeSpan delay, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        // The system scheduler, not Akka's IWithTimers: its timer messages carry a generation that
        // lives on in the actor, so a power-cycled machine would not replay a fresh one's run.
        // Every timer is cancelled when the program ends (Abandon), so none outlives its program.
#pragma warning disable AK1004 // Cancelled in Abandon (reset, halt, fault, stop) and PostStop.
        afterTimers[message] = Context.System.Scheduler.ScheduleTellOnceCancelable(delay, Self, message, Self);
#pragma warning restore AK1004
    }

    void ICoreCpu.CancelAfter(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (afterTimers.Remove(message, out var timer))
        {
            timer.Cancel();
        }
    }

    void ICoreCpu.Publish(HardwareEvent happened)
    {
        ArgumentNullException.ThrowIfNull(happened);
        Publish(happened);
    }

    void ICoreCpu.Tell(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Self);
    }

    void ICoreCpu.Fault(string reason) => Stop(new Fault(CurrentAddress, reason));

    private TaggedAddress CurrentAddress => at ?? ResetVector;

    /// <summary>Fetches at <paramref name="address"/> and enters the code found there; ends the current program.</summary>
    private void JumpTo(ulong address, CodeIdentity? expected)
    {
        Abandon();
        Access(address, (issued, target) =>
        {
            if (target.Kind is not (DeviceKind.Ram or DeviceKind.Rom))
            {
                Stop(new Fault(issued, $"no code here: the {target} is not memory"));
                return;
            }
            var memory = MemoryUnit(issued, target)!;
            Request(issued, memory, tag => new FetchCode(tag, target.SegmentOffset, expected), reply =>
            {
                var result = ((FetchCodeResult)reply).Result;
                Publish(new CodeFetched(Context.Now, core, issued, target.Address, result));
                if (result.Code is { } found)
                {
                    Enter(found, issued);
                }
                else
                {
                    Stop(new Fault(issued, result.Reason));
                }
            });
        });
    }

    /// <summary>Translates through the core's HAT and decodes; a translation fault or an unmapped address stops the core.</summary>
    private void Access(ulong address, Action<TaggedAddress, AddressTarget> then)
    {
        var tag = pending.Register(reply =>
        {
            var translated = (Translated)reply;
            if (translated.Result.Fault is { } fault)
            {
                Stop(fault with { Reason = $"translation fault: {fault.Reason}" });
                return;
            }
            var target = Directory.Map.Decode(translated.Result.Address);
            if (!target.IsMapped)
            {
                Stop(new Fault(translated.Issued, $"unmapped: {target.UnmappedReason}"));
                return;
            }
            then(translated.Issued, target);
        });
        Directory.CoreHat(core).Tell(new Translate(tag, address), Self);
    }

    /// <summary>Sends one request; a refusal stops the core with a fault at <paramref name="issued"/>.</summary>
    /// <param name="standing">A wait for an interrupt: answered by an event, not by a transaction landing (a halt does not wait for it).</param>
    private void Request(TaggedAddress issued, IActorRef unit, Func<long, object> request, Action<ITaggedReply> then, bool standing = false)
    {
        Action<ITaggedReply> continuation = reply =>
        {
            if (reply is AccessRefused refused)
            {
                Stop(new Fault(issued, $"{refused.By} refused: {refused.Reason}"));
                return;
            }
            then(reply);
        };
        var tag = standing ? pending.RegisterStanding(continuation) : pending.Register(continuation);
        unit.Tell(request(tag), Self);
    }

    private bool Expect(TaggedAddress issued, AddressTarget target, DeviceKind kind, string what)
    {
        if (target.Kind == kind)
        {
            return true;
        }
        Stop(new Fault(issued, target.Kind == DeviceKind.Rom && kind == DeviceKind.Ram
            ? "the boot ROM is read-only"
            : $"expected {what}, but the address reaches the {target}"));
        return false;
    }

    private IActorRef? MemoryUnit(TaggedAddress issued, AddressTarget target)
    {
        switch (target.Kind)
        {
            case DeviceKind.Ram:
                return Directory.Memory(target.Cluster);
            case DeviceKind.Rom:
                return Directory.Rom;
            default:
                Stop(new Fault(issued, $"expected memory, but the address reaches the {target}"));
                return null;
        }
    }
}
