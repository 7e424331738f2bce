using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Translation;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: a core activates its HAT before it sends IPIs to its instance's cores. Every mailbox
/// write by a core of a live instance into a cluster of the same instance is checked against the
/// writer's HAT: with the HAT not active the write went to a machine address the guest has no right to.
/// </summary>
public sealed class HatBeforeIpiMonitor : RunMonitor, IStateDigest
{
    private readonly HatBook hats = new();
    private readonly InstanceBook instances = new();

    public override string Name => "hat-before-ipi";

    public ulong StateDigest() => StableHash.Add(hats.Digest(), instances.Digest());

    public override void OnRunStart()
    {
        hats.Clear();
        instances.Clear();
    }

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(IpiSent)], HatBook.Events, InstanceBook.Events);

    public override void OnEvent(object published)
    {
        if (published is IpiSent { Writer: { Kind: UnitKind.Core } writer } sent &&
            writer.CoreOf is { } core &&
            instances.Holding(core) is { } instance &&
            instance.Clusters.Contains(sent.Mailbox.Cluster) &&
            hats.ModeOf(UnitId.CoreHat(core)) != HatMode.Active)
        {
            Fail($"core {core} of instance {instance.InstanceId} sent 0x{sent.Value:X8} to {sent.Mailbox} before it activated its HAT");
        }
        hats.Observe(published);
        instances.Observe(published);
    }
}
