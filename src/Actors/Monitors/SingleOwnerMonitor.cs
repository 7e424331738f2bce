using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Resources;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// DESIGN.md §7: no cluster or channel is owned by two live instances. Checked at every allocation
/// the hypervisor publishes, against what the live instances (allocated, not yet released) hold.
/// </summary>
public sealed class SingleOwnerMonitor : RunMonitor, IStateDigest
{
    private readonly SortedDictionary<int, Allocation> live = [];

    public override string Name => "single-owner";

    public override void OnRunStart() => live.Clear();

    public ulong StateDigest() => StateDigests.Ordered(live, static entry => MessageDigest.Of(entry.Value));

    public override bool WantsEvent(Type eventType) =>
        EventInterest.Any(eventType, [typeof(ResourcesAllocated), typeof(ResourcesReleased)]);

    public override void OnEvent(object published)
    {
        switch (published)
        {
            case ResourcesAllocated allocated:
                Check(allocated.Allocation);
                live[allocated.InstanceId] = allocated.Allocation;
                break;
            case ResourcesReleased released:
                live.Remove(released.InstanceId);
                break;
        }
    }

    private void Check(Allocation taken)
    {
        foreach (var other in live.Values.Where(other => other.InstanceId != taken.InstanceId))
        {
            var shared = taken.Clusters.Intersect(other.Clusters).ToList();
            if (shared.Count > 0)
            {
                Fail($"instance {taken.InstanceId} took cluster{(shared.Count == 1 ? "" : "s")} {string.Join(" ", shared)}, " +
                     $"still held by live instance {other.InstanceId} ({other})");
            }
            Channel("IOC", taken.IocChannel, other.IocChannel, taken, other);
            Channel("TTY", taken.TtyChannel, other.TtyChannel, taken, other);
            Channel("FB", taken.FbChannel, other.FbChannel, taken, other);
        }
        if (live.TryGetValue(taken.InstanceId, out var before))
        {
            Fail($"instance {taken.InstanceId} allocated again while it still holds {before}");
        }
    }

    private static void Channel(string device, int channel, int otherChannel, Allocation taken, Allocation other)
    {
        if (channel == otherChannel)
        {
            Fail($"instance {taken.InstanceId} took {device} channel {channel}, still held by live instance {other.InstanceId}");
        }
    }
}
