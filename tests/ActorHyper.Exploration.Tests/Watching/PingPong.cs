using Akka.Actor;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>The toy: two players, <c>servers</c> servers serving at player A at once; <see cref="Balls"/> ball deliveries in all.</summary>
internal sealed class PingPong
{
    private readonly IActorRef[] _servers;
    private readonly int _rallies;
    private readonly int _hits;

    public PingPong(ActorSystem system, string prefix, int servers = 4, int rallies = 5, int hits = 500, long flaggedId = -1)
    {
        Log = new PingPongLog(flaggedId);
        A = system.ActorOf(Props.Create(() => new Player(Log, Log.HandledByA)), prefix + "-a");
        B = system.ActorOf(Props.Create(() => new Player(Log, Log.HandledByB)), prefix + "-b");
        A.Tell(B);
        B.Tell(A);
        _servers = Enumerable.Range(0, servers).Select(i => system.ActorOf(Props.Create(() => new Server(Log, A)), $"{prefix}-server-{i}")).ToArray();
        _rallies = rallies;
        _hits = hits;
    }

    public PingPongLog Log { get; }

    public IActorRef A { get; }

    public IActorRef B { get; }

    public int Balls => _servers.Length * _rallies * _hits;

    public void Play()
    {
        foreach (var server in _servers)
        {
            server.Tell(new Serve(Log.NextId(), _rallies, _hits));
        }
    }
}
