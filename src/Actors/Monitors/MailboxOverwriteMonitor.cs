using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: no XICU mailbox is written twice before it is read. A second write loses the
/// first value (the hardware keeps one), so a core would act on the wrong message: the protocol
/// must make sure a mailbox is read before anyone writes it again.
/// </summary>
public sealed class MailboxOverwriteMonitor : RunMonitor, IStateDigest
{
    public override string Name => "mailbox-overwrite";

    /// <summary>It keeps nothing: the XICU reports each overwrite.</summary>
    public ulong StateDigest() => 0;

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(MailboxOverwritten)]);

    public override void OnEvent(object published)
    {
        if (published is MailboxOverwritten overwritten)
        {
            Fail($"XICU mailbox {overwritten.Mailbox} written twice before it was read: " +
                 $"0x{overwritten.LostValue:X8} lost to 0x{overwritten.NewValue:X8} written by {overwritten.Writer}");
        }
    }
}
