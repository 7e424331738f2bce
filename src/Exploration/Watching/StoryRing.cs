namespace ActorHyper.Exploration.Watching;

/// <summary>The last items the hub saw; the hub's alone, so no lock.</summary>
internal sealed class StoryRing(int capacity)
{
    private readonly StoryEntry[] _ring = new StoryEntry[Math.Max(1, capacity)];
    private long _count;

    public void Add(in StoryEntry entry) => _ring[_count++ % _ring.Length] = entry;

    /// <summary>Oldest first, as text.</summary>
    public IReadOnlyList<WatchedItem> Snapshot()
    {
        var first = Math.Max(0, _count - _ring.Length);
        var items = new WatchedItem[_count - first];
        for (var i = first; i < _count; i++)
        {
            items[i - first] = _ring[i % _ring.Length].ToItem();
        }

        return items;
    }
}
