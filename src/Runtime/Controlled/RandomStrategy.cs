namespace ActorHyper.Runtime.Controlled;

/// <summary>At each step, any ready actor with equal probability: a random walk of the interleavings.</summary>
public sealed class RandomStrategy(ulong seed) : ISchedulingStrategy
{
    private readonly DeterministicRandom _random = new(seed);

    public string Name => "random";

    public int Choose(IReadOnlyList<IRunnableActor> runnable, long step) =>
        runnable.Count == 1 ? 0 : _random.Next(runnable.Count);
}
