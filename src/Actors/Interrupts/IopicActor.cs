using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Interrupts;
using Akka.Actor;
using Debug = System.Diagnostics.Debug;

namespace ActorHyper.Actors.Interrupts;

/// <summary>
/// The IOPIC of the I/O cluster, owning the <see cref="IopicTable"/>. A device interrupt becomes a
/// posted write into the routed XICU mailbox; with no route it is dropped (and published as such,
/// so "routing is in place before the guest can raise the interrupt" can be checked). Removing
/// routes is answered once the XICUs they led to have taken every write posted before (a fence):
/// a kill resets those XICUs next, and a write still on its way would land after the reset, a stale
/// interrupt waking the next instance's core.
/// </summary>
public sealed class IopicActor(MachineSpec spec) : HardwareUnitActor(new UnitId(UnitKind.Iopic, spec.IoCluster)), IStateDigest
{
    private IopicTable table = new(spec);

    /// <summary>Route removals waiting for their fences, by fence tag (one fence per XICU a removed route led to).</summary>
    private readonly SortedDictionary<long, PendingRemoval> fences = [];
    private long lastFence;

    public static Props Props(MachineSpec spec) => ProducedProps.Of(() => new IopicActor(spec));

    protected override void Wired()
    {
        Receive<AddRoutes>(OnAdd);
        Receive<RemoveRoutes>(OnRemove);
        Receive<DeviceInterrupt>(OnInterrupt);
        Receive<GetRoutes>(_ => Reply(new IopicRoutes(table.Routes)));
        Receive<WritesFenced>(OnFenced);
    }

    protected override void ResetToPowerOn()
    {
        table = new IopicTable(spec);
        fences.Clear();
        lastFence = 0;
    }

    /// <summary>Its routes (a source has one target and a target one source, so the routes are the table), and the removals waiting for fences.</summary>
    public ulong StateDigest() => StableHash.Add(StableHash.Add(UnitDigest(), StateDigests.Unordered(table.Routes, static route => MessageDigest.Of(route))),
        StateDigests.Ordered(fences, static entry => StableHash.Add(StableHash.Add((ulong)entry.Key, (ulong)entry.Value.Tag), (ulong)entry.Value.Outstanding)));

    protected override IEnumerable<string> Residue() =>
        fences.Count == 0 ? [] : [$"{fences.Values.Distinct().Count()} route removal(s) waiting for {fences.Count} XICU fence(s)"];

    private void OnAdd(AddRoutes add)
    {
        var outcome = table.AddAll(add.Routes);
        if (outcome.IsSuccess)
        {
            foreach (var route in add.Routes)
            {
                Publish(new InterruptRouted(Context.Now, Unit, route));
            }
        }
        Reply(new IopicRoutesChanged(add.Tag, outcome, outcome.IsSuccess ? add.Routes.Count : 0));
    }

    private void OnRemove(RemoveRoutes remove)
    {
        var before = table.Routes;
        var removed = table.RemoveChannels(remove.Channels);
        var after = table.Routes;
        var gone = before.Where(route => !after.Contains(route)).ToList();
        foreach (var route in gone)
        {
            Publish(new InterruptUnrouted(Context.Now, Unit, route));
        }
        var targets = gone.Select(static route => route.Target.Cluster).Distinct().OrderBy(static cluster => cluster.Index).ToList();
        if (targets.Count == 0)
        {
            Reply(new IopicRoutesChanged(remove.Tag, Outcome.Success, removed));
            return;
        }
        var pending = new PendingRemoval(Sender, remove.Tag, removed) { Outstanding = targets.Count };
        foreach (var cluster in targets)
        {
            fences[++lastFence] = pending;
            Directory.Xicu(cluster).Tell(new FenceWrites(lastFence), Self);
        }
    }

    private void OnFenced(WritesFenced fenced)
    {
        if (!fences.Remove(fenced.Tag, out var pending))
        {
            return;
        }
        pending.Outstanding--;
        Debug.Assert(pending.Outstanding >= 0, "one answer per fence");
        if (pending.Outstanding == 0)
        {
            pending.ReplyTo.Tell(new IopicRoutesChanged(pending.Tag, Outcome.Success, pending.Removed), Self);
        }
    }

    /// <summary>A <see cref="RemoveRoutes"/> not yet answered: who asked, its tag, how many routes went, and the fences still out.</summary>
    private sealed class PendingRemoval(IActorRef replyTo, long tag, int removed)
    {
        public IActorRef ReplyTo { get; } = replyTo;

        public long Tag { get; } = tag;

        public int Removed { get; } = removed;

        public int Outstanding { get; set; }
    }

    private void OnInterrupt(DeviceInterrupt interrupt)
    {
        var target = table.Lookup(interrupt.Source);
        Publish(new InterruptRaised(Context.Now, Unit, interrupt.Source, target, interrupt.Value));
        if (target is { } mailbox)
        {
            // Posted: the device does not wait for the mailbox write.
            Directory.Xicu(mailbox.Cluster).Tell(new WriteMailbox(0, mailbox.Slot, interrupt.Value, Unit), ActorRefs.NoSender);
        }
    }
}
