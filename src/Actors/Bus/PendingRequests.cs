namespace ActorHyper.Actors.Bus;

/// <summary>
/// The requests one actor has in flight, each with what to do with its reply. Tags only grow, so a
/// late reply to a request that was <see cref="Forget">forgotten</see> (the core jumped, reset or
/// faulted meanwhile) finds nothing and is dropped. Owned by one actor; not thread-safe.
/// </summary>
public sealed class PendingRequests
{
    private readonly Dictionary<long, Action<ITaggedReply>> continuations = [];

    /// <summary>Tags of standing requests in flight: answered by an event (an interrupt), not by a transaction landing.</summary>
    private readonly HashSet<long> standing = [];
    private long lastTag;

    public int Count => continuations.Count;

    /// <summary>Requests in flight whose reply says a transaction landed: a wait for an interrupt is not one (it may never end).</summary>
    public int Transactions => continuations.Count - standing.Count;

    /// <summary>As <see cref="Register"/>, for a request answered by an event rather than by its landing (<see cref="Transactions"/> leaves it out).</summary>
    public long RegisterStanding(Action<ITaggedReply> continuation)
    {
        var tag = Register(continuation);
        standing.Add(tag);
        return tag;
    }

    /// <summary>A fresh tag whose reply will be handed to <paramref name="continuation"/>.</summary>
    public long Register(Action<ITaggedReply> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var tag = ++lastTag;
        continuations.Add(tag, continuation);
        return tag;
    }

    /// <summary>Runs the continuation of the reply's request; false for a reply nobody waits for.</summary>
    public bool Complete(ITaggedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!continuations.Remove(reply.Tag, out var continuation))
        {
            return false;
        }
        standing.Remove(reply.Tag);
        GiveBackIfIdle();
        continuation(reply);
        return true;
    }

    /// <summary>
    /// Keeps waiting for every request in flight but ignores what comes back: <see cref="Count"/>
    /// still says how many replies are due, so the owner knows when none of its transactions can still land.
    /// </summary>
    public void Ignore()
    {
        foreach (var tag in continuations.Keys.ToList())
        {
            continuations[tag] = static _ => { };
        }
    }

    /// <summary>Drops every request in flight: their replies will be ignored.</summary>
    public void Forget()
    {
        continuations.Clear();
        standing.Clear();
        GiveBackIfIdle();
    }

    /// <summary>
    /// With nothing in flight, the room a burst made is given back: a boot core that polled 256
    /// processors at once would otherwise keep a table that large for good.
    /// </summary>
    private void GiveBackIfIdle()
    {
        if (continuations.Count == 0 && continuations.EnsureCapacity(0) > TrimAbove)
        {
            continuations.TrimExcess();
            standing.TrimExcess();
        }
    }

    private const int TrimAbove = 64;

    /// <summary>
    /// As built: nothing in flight and tags from 1 again. Only when no reply can still come (a power
    /// cycle between runs), since a late reply could then match a new request's tag.
    /// </summary>
    public void Restart()
    {
        continuations.Clear();
        standing.Clear();
        GiveBackIfIdle();
        lastTag = 0;
    }
}
