using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>
/// A true invariant of the toy on real threads: each sender makes balls with rising ids, and Akka
/// keeps each sender→receiver pair in order, so per pair the ids a receiver is handed rise.
/// </summary>
internal sealed class PairOrderMonitor : RunMonitor
{
    private readonly Dictionary<(string Receiver, string Sender), long> _last = [];

    public override string Name => "pair-order";

    public override bool WantsDelivery(Type messageType) => messageType == typeof(Ball);

    public override void OnDelivery(Delivery delivery)
    {
        var ball = (Ball)delivery.Message;
        var pair = (delivery.Receiver, delivery.Sender);
        if (_last.TryGetValue(pair, out var last) && last >= ball.Id)
        {
            Fail($"{delivery.Receiver} was handed ball {ball.Id} from {delivery.Sender} after ball {last}");
        }

        _last[pair] = ball.Id;
    }
}
