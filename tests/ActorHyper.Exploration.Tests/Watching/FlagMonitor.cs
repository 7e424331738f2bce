using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>The planted invariant: no flagged ball is ever delivered.</summary>
internal sealed class FlagMonitor : RunMonitor
{
    public override string Name => "no-flagged-ball";

    /// <summary>Deliveries it was shown (on the hub's thread).</summary>
    public long Calls { get; private set; }

    public override bool WantsDelivery(Type messageType) => messageType == typeof(Ball);

    public override void OnDelivery(Delivery delivery)
    {
        Calls++;
        if (delivery.Message is Ball { Flagged: true } ball)
        {
            Fail($"ball {ball.Id} is flagged");
        }
    }
}
