using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Interrupts;

namespace ActorHyper.Actors.Interrupts;

// A cluster's XICU: WTI mailboxes, per-line masks, and the output lines cores wait on. A request
// sent with a sender is answered with its tag; one sent with none is posted (nobody is answered).

/// <summary>Writes a value into a mailbox and sets its pending bit: an IPI, or a device interrupt. Answered by <see cref="MailboxWriteDone"/>.</summary>
public sealed record WriteMailbox(long Tag, int Slot, uint Value, UnitId Writer);

public sealed record MailboxWriteDone(long Tag, XicuWriteResult Result) : ITaggedReply;

/// <summary>Reads a mailbox: returns its value and clears its pending bit. Answered by <see cref="MailboxReadDone"/>.</summary>
public sealed record ReadMailbox(long Tag, int Slot, UnitId Reader);

public sealed record MailboxReadDone(long Tag, XicuReadResult Result) : ITaggedReply;

/// <summary>Enables (or disables) a slot into an output line. Answered by <see cref="MaskSet"/>.</summary>
public sealed record SetMask(long Tag, int Line, int Slot, bool Enabled);

public sealed record MaskSet(long Tag) : ITaggedReply;

/// <summary>
/// A core executing <c>wait</c> on its line: answered by <see cref="LineRaised"/> as soon as an
/// enabled slot is pending, at once if one already is (a wake-up sent before the wait is not lost).
/// One waiter per line; a new wait replaces the old one.
/// </summary>
public sealed record WaitForInterrupt(long Tag, int Line);

/// <summary>The line is high: <see cref="Slot"/> is the lowest enabled pending slot (still pending: reading it clears it).</summary>
public sealed record LineRaised(long Tag, int Line, int Slot) : ITaggedReply;

/// <summary>Power-on state again: nothing pending, values zero, each core's IPI slot enabled into its line.</summary>
public sealed record ResetXicu(long Tag);

public sealed record XicuResetDone(long Tag) : ITaggedReply;

/// <summary>
/// A fence: answered by <see cref="WritesFenced"/> once every write its sender posted here before it
/// has landed (a channel keeps its order, so the answer comes after them). The IOPIC fences the
/// XICUs it routed to before it reports routes removed, so a kill's XICU reset comes after them.
/// </summary>
public sealed record FenceWrites(long Tag);

/// <summary>Answers <see cref="FenceWrites"/>.</summary>
public sealed record WritesFenced(long Tag) : ITaggedReply;

/// <summary>Asks for a snapshot of the mailboxes, masks and waiters. Answered by <see cref="XicuSnapshot"/>.</summary>
public sealed record GetXicuState
{
    public static GetXicuState Instance { get; } = new();
}

/// <summary>Pending slots with their values, each line's enabled slots, and the lines a core waits on.</summary>
public sealed record XicuSnapshot(ClusterId Cluster, ValueList<XicuReadResult> Pending, ValueList<ValueList<int>> EnabledByLine, ValueList<int> WaitingLines);
