using ActorHyper.Actors.Machine;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;

namespace ActorHyper.Actors.Events;

/// <summary>A WTI mailbox was written (an IPI, or a device interrupt through the IOPIC).</summary>
public sealed record IpiSent(TimeSpan At, XicuTarget Mailbox, uint Value, UnitId Writer, bool Overwrote)
    : HardwareEvent(At, UnitId.Xicu(Mailbox.Cluster))
{
    public override string ToString() => $"{Writer} wrote 0x{Value:X8} to {Mailbox}{(Overwrote ? " (overwrote)" : "")}";
}

/// <summary>A mailbox was written while still pending: the earlier value was never read and is lost.</summary>
public sealed record MailboxOverwritten(TimeSpan At, XicuTarget Mailbox, uint LostValue, uint NewValue, UnitId Writer)
    : HardwareEvent(At, UnitId.Xicu(Mailbox.Cluster))
{
    public override string ToString() => $"{Mailbox}: 0x{LostValue:X8} lost to 0x{NewValue:X8} written by {Writer}";
}

/// <summary>A mailbox was read (which clears its pending bit).</summary>
public sealed record IpiTaken(TimeSpan At, XicuTarget Mailbox, uint Value, bool WasPending, UnitId Reader)
    : HardwareEvent(At, UnitId.Xicu(Mailbox.Cluster))
{
    public override string ToString() => $"{Reader} read 0x{Value:X8} from {Mailbox}{(WasPending ? "" : " (not pending)")}";
}

/// <summary>A slot was enabled into (or disabled from) an output line of an XICU.</summary>
public sealed record XicuMaskChanged(TimeSpan At, ClusterId Cluster, int Line, int Slot, bool Enabled)
    : HardwareEvent(At, UnitId.Xicu(Cluster));

/// <summary>An XICU was reset by the hypervisor (a kill): nothing pending, only each core's IPI slot enabled into its line.</summary>
public sealed record XicuReset(TimeSpan At, ClusterId Cluster) : HardwareEvent(At, UnitId.Xicu(Cluster));

/// <summary>The IOPIC now routes a device interrupt to a mailbox.</summary>
public sealed record InterruptRouted(TimeSpan At, UnitId Iopic, IopicRoute Route) : HardwareEvent(At, Iopic);

/// <summary>The IOPIC no longer routes a device interrupt.</summary>
public sealed record InterruptUnrouted(TimeSpan At, UnitId Iopic, IopicRoute Route) : HardwareEvent(At, Iopic);

/// <summary>A device raised an interrupt; <see cref="Target"/> is null when no route exists and it was dropped.</summary>
public sealed record InterruptRaised(TimeSpan At, UnitId Iopic, IrqSource Source, XicuTarget? Target, uint Value)
    : HardwareEvent(At, Iopic)
{
    public override string ToString() => Target is { } target
        ? $"{Source} raised 0x{Value:X8} -> {target}"
        : $"{Source} raised 0x{Value:X8}, dropped: not routed";
}
