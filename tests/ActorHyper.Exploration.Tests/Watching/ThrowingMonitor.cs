using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>A monitor with a bug: it throws something other than a violation at its <c>failAt</c>-th delivery.</summary>
internal sealed class ThrowingMonitor(int failAt) : RunMonitor
{
    private int _calls;

    public override string Name => "buggy";

    public int Calls => _calls;

    public override bool WantsDelivery(Type messageType) => messageType == typeof(Ball);

    public override void OnDelivery(Delivery delivery)
    {
        if (++_calls == failAt)
        {
            throw new InvalidOperationException("the monitor's own bug");
        }
    }
}
