using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Monitors;

/// <summary>Which XICU mailboxes are enabled into which lines, as the mask events tell it (a reset disables a cluster's all).</summary>
internal sealed class XicuMaskBook
{
    private readonly HashSet<(ClusterId Cluster, int Line, int Slot)> enabled = [];

    public void Clear() => enabled.Clear();

    /// <summary>The enabled (cluster, line, slot) entries, in no order.</summary>
    public ulong Digest() => StateDigests.Unordered(enabled, static entry =>
        StableHash.Add(StableHash.Add(MessageDigest.Of(entry.Cluster), (ulong)entry.Line), (ulong)entry.Slot));

    /// <summary>The events <see cref="Observe"/> takes in.</summary>
    public static readonly Type[] Events = [typeof(XicuMaskChanged), typeof(XicuReset)];

    /// <summary>Takes in a mask change or an XICU reset; false for any other event.</summary>
    public bool Observe(object published)
    {
        switch (published)
        {
            case XicuMaskChanged { Enabled: true } mask:
                enabled.Add((mask.Cluster, mask.Line, mask.Slot));
                return true;
            case XicuMaskChanged mask:
                enabled.Remove((mask.Cluster, mask.Line, mask.Slot));
                return true;
            case XicuReset reset:
                enabled.RemoveWhere(entry => entry.Cluster == reset.Cluster);
                return true;
            default:
                return false;
        }
    }

    public bool IsEnabled(ClusterId cluster, int line, int slot) => enabled.Contains((cluster, line, slot));
}
