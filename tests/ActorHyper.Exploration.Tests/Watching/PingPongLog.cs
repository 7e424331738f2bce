namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>What the ping-pong toy did, as its actors saw it: ids handed out, each player's handled balls in its own order.</summary>
internal sealed class PingPongLog(long flaggedId = -1)
{
    private long _nextId;
    private int _hits;

    /// <summary>Each written only by its player; read once <see cref="Hits"/> says all are done.</summary>
    public List<long> HandledByA { get; } = [];

    public List<long> HandledByB { get; } = [];

    public int Hits => Volatile.Read(ref _hits);

    public long NextId() => Interlocked.Increment(ref _nextId);

    public Ball NewBall(long parent, int remaining)
    {
        var id = NextId();
        return new Ball(id, parent, remaining, id == flaggedId);
    }

    public void Hit() => Interlocked.Increment(ref _hits);
}
