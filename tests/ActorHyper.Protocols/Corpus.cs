namespace ActorHyper.Protocols;

/// <summary>Every program of the corpus, in the order README's table lists them.</summary>
public static class Corpus
{
    public static IReadOnlyList<CorpusProgram> All { get; } =
    [
        RobotNavigator.RobotNavigatorProtocol.Program,
        Raft.RaftProtocol.Program,
        CoffeeMachine.CoffeeMachineProtocol.Program,
        ChainReplication.ChainReplicationProtocol.Program,
        FailureDetector.FailureDetectorProtocol.Program,
    ];

    /// <summary>The program of that name, or null.</summary>
    public static CorpusProgram? Named(string name) => All.FirstOrDefault(p => p.Name == name);
}
