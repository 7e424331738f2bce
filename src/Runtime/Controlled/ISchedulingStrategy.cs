namespace ActorHyper.Runtime.Controlled;

/// <summary>Chooses which ready actor delivers its next message, at every scheduling point of a controlled run.</summary>
public interface ISchedulingStrategy
{
    string Name { get; }

    /// <summary>
    /// Returns an index into <paramref name="runnable"/> (never empty). The list's order is
    /// deterministic for a given history, but strategies should identify actors by <see cref="IRunnableActor.Id"/>.
    /// </summary>
    int Choose(IReadOnlyList<IRunnableActor> runnable, long step);
}
