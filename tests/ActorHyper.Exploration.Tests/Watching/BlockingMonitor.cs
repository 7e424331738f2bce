using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Holds the hub at its first <see cref="Wanted"/> until the test opens the gate: a hub that falls behind.</summary>
internal sealed class BlockingMonitor : RunMonitor
{
    public ManualResetEventSlim Gate { get; } = new(false);

    public int Seen { get; private set; }

    public override bool WantsDelivery(Type messageType) => messageType == typeof(Wanted);

    public override void OnDelivery(Delivery delivery)
    {
        // Bounded, so a failing test cannot hold the hub for ever.
        Gate.Wait(TimeSpan.FromSeconds(30));
        Seen++;
    }
}
