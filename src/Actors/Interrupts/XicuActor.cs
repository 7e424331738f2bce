using ActorHyper.Actors.Events;
using ActorHyper.Actors.Faults;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Faults;
using ActorHyper.Hardware.Interrupts;
using Akka.Actor;

namespace ActorHyper.Actors.Interrupts;

/// <summary>
/// A cluster's XICU, owning its <see cref="XicuState"/>. Its output lines are what cores wait on:
/// each line has at most one waiter, answered when the line goes high, whether by a write or by a
/// mask change. Writes onto a pending slot are published as overwrites: the lost value is the hazard.
/// </summary>
public sealed class XicuActor : HardwareUnitActor, IStateDigest
{
    private readonly ClusterId cluster;
    private readonly XicuState xicu;
    private readonly XicuLayout layout;
    private readonly Waiter?[] waiters;
    private readonly ProtocolVariant variant;

    /// <summary>Counts resets (kills) since the power cycle: a fault's write from before a reset is dropped.</summary>
    private int generation;
    private readonly List<ICancelable> delayTimers = [];

    public XicuActor(MachineSpec spec, ClusterId cluster, ProtocolVariant variant = ProtocolVariant.None)
        : base(UnitId.Xicu(cluster))
    {
        this.cluster = cluster;
        this.variant = variant;
        xicu = XicuState.For(spec);
        layout = XicuLayout.For(spec);
        layout.EnableIpis(xicu);
        waiters = new Waiter?[xicu.LineCount];
    }

    public static Props Props(MachineSpec spec, ClusterId cluster, ProtocolVariant variant = ProtocolVariant.None) =>
        ProducedProps.Of(() => new XicuActor(spec, cluster, variant));

    protected override void Wired()
    {
        Receive<WriteMailbox>(OnWrite);
        Receive<DelayedMailboxWrite>(delayed =>
        {
            if (delayed.Generation == generation)
            {
                Land(delayed.Write, reply: false);
            }
        });
        Receive<DuplicateMailboxWrite>(duplicate =>
        {
            if (duplicate.Generation == generation)
            {
                Land(duplicate.Write, reply: false);
            }
        });
        Receive<ReadMailbox>(OnRead);
        Receive<SetMask>(OnSetMask);
        Receive<WaitForInterrupt>(OnWait);
        Receive<ResetXicu>(OnReset);
        Receive<GetXicuState>(_ => Reply(Snapshot()));
        Receive<FenceWrites>(fence => Reply(new WritesFenced(fence.Tag)));
    }

    private void OnWrite(WriteMailbox write)
    {
        if (!ValidSlot(write.Tag, write.Slot))
        {
            return;
        }
        // Only a core's write is an IPI; device interrupts (the IOPIC's, a DMA's) are not IPI faults.
        if (write.Writer.Kind == UnitKind.Core
            && FaultInjector.For(Context.System) is { IsArmed: true } injector
            && injector.Decide(FaultPoint.Ipi, FaultInjector.MailboxSite(cluster, write.Slot)) is { } fault)
        {
            Inject(write, fault);
            return;
        }
        Land(write, reply: true);
    }

    /// <summary>
    /// A lost IPI is acknowledged and forgotten; a delayed one acknowledged now and written when its
    /// timer fires; a duplicated one written now and again when its second message is delivered.
    /// </summary>
    private void Inject(WriteMailbox write, InjectedFault fault)
    {
        Publish(new FaultInjected(Context.Now, Unit, fault));
        switch (fault.Kind)
        {
            case FaultKind.IpiLost:
                Reply(new MailboxWriteDone(write.Tag, new XicuWriteResult(write.Slot, write.Value, false, 0)));
                break;
            case FaultKind.IpiDelay:
                Reply(new MailboxWriteDone(write.Tag, new XicuWriteResult(write.Slot, write.Value, false, 0)));
                delayTimers.Add(Context.System.Scheduler.ScheduleTellOnceCancelable(fault.Duration, Self, new DelayedMailboxWrite(write, generation), Self));
                break;
            default:
                Land(write, reply: true);
                Self.Tell(new DuplicateMailboxWrite(write, generation), Self);
                break;
        }
    }

    private void Land(WriteMailbox write, bool reply)
    {
        var result = xicu.Write(write.Slot, write.Value);
        var mailbox = new XicuTarget(cluster, write.Slot);
        if (result.Overwrote)
        {
            // The state keeps its own history for monitors reading it directly; the event is the record here.
            xicu.DrainOverwrites();
            Publish(new MailboxOverwritten(Context.Now, mailbox, result.OldValue, result.NewValue, write.Writer));
        }
        Publish(new IpiSent(Context.Now, mailbox, write.Value, write.Writer, result.Overwrote));
        if (reply)
        {
            Reply(new MailboxWriteDone(write.Tag, result));
        }
        WakeWaiters();
    }

    private void OnRead(ReadMailbox read)
    {
        if (!ValidSlot(read.Tag, read.Slot))
        {
            return;
        }
        var result = xicu.Read(read.Slot);
        Publish(new IpiTaken(Context.Now, new XicuTarget(cluster, read.Slot), result.Value, result.WasPending, read.Reader));
        Reply(new MailboxReadDone(read.Tag, result));
    }

    private void OnSetMask(SetMask mask)
    {
        if (!ValidSlot(mask.Tag, mask.Slot) || !ValidLine(mask.Tag, mask.Line))
        {
            return;
        }
        if (mask.Enabled)
        {
            xicu.Enable(mask.Line, mask.Slot);
        }
        else
        {
            xicu.Disable(mask.Line, mask.Slot);
        }
        Publish(new XicuMaskChanged(Context.Now, cluster, mask.Line, mask.Slot, mask.Enabled));
        Reply(new MaskSet(mask.Tag));
        WakeWaiters();
    }

    private void OnWait(WaitForInterrupt wait)
    {
        if (!ValidLine(wait.Tag, wait.Line))
        {
            return;
        }
        if (variant == ProtocolVariant.UnlatchedWakeup)
        {
            // VARIANT unlatched-wakeup (deliberately wrong): the wait drops what is already pending on
            // its line, silently, so a wake-up written before the core reached wait is lost.
            foreach (var slot in xicu.EnabledSlots(wait.Line).Where(xicu.IsPending).ToList())
            {
                xicu.Read(slot);
            }
        }
        waiters[wait.Line] = new Waiter(Context.Sender, wait.Tag);
        WakeWaiters();
    }

    private void OnReset(ResetXicu reset)
    {
        var next = generation + 1;
        ResetToPowerOn();
        generation = next;
        Publish(new XicuReset(Context.Now, cluster));
        Reply(new XicuResetDone(reset.Tag));
    }

    /// <summary>Values zero, nothing pending, each core's IPI slot enabled into its line, no waiter.</summary>
    protected override void ResetToPowerOn()
    {
        // From 0 at every power cycle, as built: the fault messages' contents are the same in every run.
        generation = 0;
        CancelDelays();
        xicu.Reset();
        xicu.DrainOverwrites();
        layout.EnableIpis(xicu);
        Array.Clear(waiters);
    }

    protected override IEnumerable<string> Residue()
    {
        if (xicu.AnyPending)
        {
            yield return $"XICU slots {string.Join(", ", xicu.PendingSlots())} pending";
        }
        if (delayTimers.Exists(static timer => !timer.IsCancellationRequested))
        {
            yield return "a delayed mailbox write's timer";
        }
    }

    private void CancelDelays()
    {
        foreach (var timer in delayTimers)
        {
            timer.Cancel();
        }
        delayTimers.Clear();
    }

    protected override void PostStop() => CancelDelays();

    /// <summary>Answers every waiter whose line is high; each is answered once.</summary>
    private void WakeWaiters()
    {
        for (var line = 0; line < waiters.Length; line++)
        {
            if (waiters[line] is { } waiter && xicu.LowestPendingSlot(line) is { } slot)
            {
                waiters[line] = null;
                waiter.Core.Tell(new LineRaised(waiter.Tag, line, slot), Self);
            }
        }
    }

    private bool ValidSlot(long tag, int slot)
    {
        if (slot >= 0 && slot < xicu.SlotCount)
        {
            return true;
        }
        Refuse(tag, $"XICU {cluster} has no slot {slot} ({xicu.SlotCount} slots)");
        return false;
    }

    private bool ValidLine(long tag, int line)
    {
        if (line >= 0 && line < xicu.LineCount)
        {
            return true;
        }
        Refuse(tag, $"XICU {cluster} has no output line {line} ({xicu.LineCount} lines)");
        return false;
    }

    private XicuSnapshot Snapshot() => new(
        cluster,
        xicu.PendingSlots().Select(slot => new XicuReadResult(slot, xicu.Peek(slot), WasPending: true)).ToValueList(),
        Enumerable.Range(0, xicu.LineCount).Select(line => xicu.EnabledSlots(line).ToValueList()).ToValueList(),
        Enumerable.Range(0, waiters.Length).Where(line => waiters[line] is not null).ToValueList());

    /// <summary>Every mailbox's value and pending bit, every line's mask, the waiting cores and the overwrites not yet reported.</summary>
    public ulong StateDigest()
    {
        var hash = StateDigests.Ordered(Enumerable.Range(0, xicu.SlotCount), slot =>
            StableHash.Add(StableHash.Add(StableHash.Offset, xicu.Peek(slot)), xicu.IsPending(slot) ? 1UL : 0UL));
        hash = StableHash.Add(hash, StateDigests.Ordered(Enumerable.Range(0, xicu.LineCount), line => StateDigests.Ordered(xicu.EnabledSlots(line), static slot => (ulong)slot)));
        hash = StableHash.Add(hash, StateDigests.Ordered(waiters, static waiter => waiter is null ? 0UL : StableHash.Add(MessageDigest.Of(waiter.Core), (ulong)waiter.Tag)));
        return StableHash.Add(StableHash.Add(UnitDigest(), hash), StateDigests.Ordered(xicu.Overwrites, static overwrite => MessageDigest.Of(overwrite)));
    }

    private sealed record Waiter(IActorRef Core, long Tag);
}
