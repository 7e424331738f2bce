using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: a HAT is configured before it is activated. Seen in two places: a HAT activated
/// (or refusing activation) while Off; and, earlier, the IPI that makes a core of a live instance
/// enter the HAT activation code (the hypervisor's hand-off, or P0 C_0i's wake-up) while that core's
/// HAT is still Off: the woken core activates it at once, whatever the schedule then does.
/// </summary>
public sealed class HatConfiguredBeforeActivationMonitor(MachineSpec spec) : RunMonitor, IStateDigest
{
    private readonly HatBook hats = new();
    private readonly InstanceBook instances = new();

    public override string Name => "hat-configured-first";

    public ulong StateDigest() => StableHash.Add(hats.Digest(), instances.Digest());

    public override void OnRunStart()
    {
        hats.Clear();
        instances.Clear();
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(HatActivated), typeof(HatRefused), typeof(IpiSent)], HatBook.Events, InstanceBook.Events);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case HatActivated activated when hats.ModeOf(activated.Unit) == HatMode.Off:
                Fail($"the {activated.Unit} was activated before it was configured (for instance {activated.Configuration.InstanceId})");
                break;
            case HatRefused { Operation: HatOperation.Activate } refused when hats.ModeOf(refused.Unit) == HatMode.Off:
                Fail($"the {refused.Unit} was activated before it was configured: it refused ({refused.Reason})");
                break;
            case IpiSent sent when sent.Mailbox.Slot < spec.CoresPerCluster:
                var woken = new CoreId(sent.Mailbox.Cluster, sent.Mailbox.Slot);
                if (instances.Holding(woken) is { } instance && hats.ModeOf(UnitId.CoreHat(woken)) == HatMode.Off)
                {
                    var what = sent.Value == HatActivationProgram.HandOffValue ? "the hand-off IPI" : $"an IPI (0x{sent.Value:X8})";
                    Fail($"{sent.Writer} sent {what} to core {woken} of instance {instance.InstanceId} while its HAT was not configured: " +
                         "the core activates its HAT as soon as it wakes");
                }
                break;
        }
        hats.Observe(published);
        instances.Observe(published);
    }
}
