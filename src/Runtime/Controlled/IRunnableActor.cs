namespace ActorHyper.Runtime;

/// <summary>An actor with a message ready, as a scheduling strategy sees it.</summary>
public interface IRunnableActor
{
    /// <summary>The actor's creation number: stable from run to run of the same scenario.</summary>
    int Id { get; }

    ActorPath Path { get; }
}
