using ActorHyper.Actors.Events;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Monitors;

/// <summary>
/// What each cluster's RAM holds, rebuilt from the memory events (every write, copy and clear
/// publishes what the range holds afterwards), so a monitor can ask what is at an address without
/// asking the memory controller (monitors send no messages).
/// </summary>
internal sealed class MemoryImage
{
    private readonly Dictionary<ClusterId, List<MemoryRegion>> clusters = [];
    private ulong? digest;

    public void Clear()
    {
        clusters.Clear();
        digest = null;
    }

    /// <summary>Every cluster's regions, in offset order (kept until the next memory event).</summary>
    public ulong Digest() => digest ??= StateDigests.Unordered(clusters.Where(static entry => entry.Value.Count > 0), static entry =>
        StableHash.Add(MessageDigest.Of(entry.Key), StateDigests.Ordered(entry.Value, static region => MessageDigest.Of(region))));

    /// <summary>The events <see cref="Observe"/> applies.</summary>
    public static readonly Type[] Events = [typeof(MemoryWritten), typeof(MemoryCopied), typeof(MemoryCleared)];

    /// <summary>Applies a memory event; true if it was one.</summary>
    public bool Observe(object published)
    {
        switch (published)
        {
            case MemoryWritten written:
                Replace(written.Address, written.Length, written.Contents);
                return true;
            case MemoryCopied copied:
                Replace(copied.Destination, copied.Length, copied.Contents);
                return true;
            case MemoryCleared cleared:
                Replace(cleared.Address, cleared.Length, []);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The region holding <paramref name="address"/>, or null for empty memory.</summary>
    public MemoryRegion? At(MachineAddress address) =>
        clusters.TryGetValue(address.Cluster, out var regions) && regions.FindIndex(region => region.Contains(address.Offset)) is var i and >= 0
            ? regions[i]
            : null;

    /// <summary>The regions of <paramref name="cluster"/>, in offset order (empty: nothing written since its last clear).</summary>
    public IReadOnlyList<MemoryRegion> Regions(ClusterId cluster) =>
        clusters.TryGetValue(cluster, out var regions) ? regions : [];

    private void Replace(MachineAddress address, uint length, IEnumerable<MemoryRegion> contents)
    {
        digest = null;
        if (!clusters.TryGetValue(address.Cluster, out var regions))
        {
            regions = [];
            clusters[address.Cluster] = regions;
        }
        var start = (ulong)address.Offset;
        var end = start + length;
        var kept = new List<MemoryRegion>();
        foreach (var region in regions)
        {
            if (region.End <= start || region.Offset >= end)
            {
                kept.Add(region);
                continue;
            }
            // The parts of an overlapped region outside the range stay, as the memory keeps them.
            if (region.Offset < start)
            {
                kept.Add(region with { Length = (uint)(start - region.Offset) });
            }
            if (region.End > end)
            {
                var cut = (uint)(end - region.Offset);
                kept.Add(new MemoryRegion((uint)end, (uint)(region.End - end), region.Content, region.ContentOffset + cut));
            }
        }
        kept.AddRange(contents);
        kept.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        if (kept.Count == 0)
        {
            // An emptied cluster is forgotten: the image holds what memory holds, not every cluster ever written.
            clusters.Remove(address.Cluster);
            return;
        }
        regions.Clear();
        regions.AddRange(kept);
    }
}
