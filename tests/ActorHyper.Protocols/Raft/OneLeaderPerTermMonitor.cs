using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Protocols.Raft;

/// <summary>Raft's election safety: at most one server is elected leader in any term.</summary>
public sealed class OneLeaderPerTermMonitor : RunMonitor
{
    public const string Invariant = "one-leader-per-term";

    private readonly Dictionary<int, string> _leaders = [];

    public override string Name => Invariant;

    public override void OnRunStart() => _leaders.Clear();

    public override bool WantsDelivery(Type messageType) => false;

    public override bool WantsEvent(Type eventType) => eventType == typeof(LeaderElected);

    public override void OnEvent(object published)
    {
        if (published is not LeaderElected elected)
        {
            return;
        }

        if (!_leaders.TryAdd(elected.Term, elected.Server))
        {
            Fail($"{elected.Server} was elected leader of term {elected.Term}, which {_leaders[elected.Term]} already leads");
        }
    }
}
