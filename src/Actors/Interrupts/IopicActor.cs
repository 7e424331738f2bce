using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Interrupts;
using Akka.Actor;

namespace ActorHyper.Actors.Interrupts;

/// <summary>
/// The IOPIC of the I/O cluster, owning the <see cref="IopicTable"/>. A device interrupt becomes a
/// posted write into the routed XICU mailbox; with no route it is dropped (and published as such,
/// so "routing is in place before the guest can raise the interrupt" can be checked).
/// </summary>
public sealed class IopicActor(MachineSpec spec) : HardwareUnitActor(new UnitId(UnitKind.Iopic, spec.IoCluster)), IStateDigest
{
    private IopicTable table = new(spec);

    public static Props Props(MachineSpec spec) => ProducedProps.Of(() => new IopicActor(spec));

    protected override void Wired()
    {
        Receive<AddRoutes>(OnAdd);
        Receive<RemoveRoutes>(OnRemove);
        Receive<DeviceInterrupt>(OnInterrupt);
        Receive<GetRoutes>(_ => Reply(new IopicRoutes(table.Routes)));
    }

    protected override void ResetToPowerOn() => table = new IopicTable(spec);

    /// <summary>Its routes (a source has one target and a target one source, so the routes are the table).</summary>
    public ulong StateDigest() => StableHash.Add(UnitDigest(), StateDigests.Unordered(table.Routes, static route => MessageDigest.Of(route)));

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
        foreach (var route in before.Where(route => !after.Contains(route)))
        {
            Publish(new InterruptUnrouted(Context.Now, Unit, route));
        }
        Reply(new IopicRoutesChanged(remove.Tag, Outcome.Success, removed));
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
