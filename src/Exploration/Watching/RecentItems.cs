namespace ActorHyper.Exploration.Watching;

/// <summary>The last few notable items (dead letters, unhandled messages, crashes): written by the hub, read by any thread, so locked; rare, so cheap.</summary>
internal sealed class RecentItems(int capacity)
{
    private readonly Queue<WatchedItem> _items = new(capacity);
    private readonly Lock _gate = new();

    public void Add(WatchedItem item)
    {
        lock (_gate)
        {
            if (_items.Count == capacity)
            {
                _items.Dequeue();
            }

            _items.Enqueue(item);
        }
    }

    /// <summary>The last <paramref name="n"/>, oldest first.</summary>
    public IReadOnlyList<WatchedItem> Last(int n)
    {
        lock (_gate)
        {
            return _items.Skip(Math.Max(0, _items.Count - Math.Max(0, n))).ToArray();
        }
    }
}
