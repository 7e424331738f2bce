using System.Collections.Concurrent;
using ActorHyper.Exploration.Monitors;

namespace ActorHyper.Exploration.Tests.Watching;

/// <summary>Records what it is shown, in order (on the hub's thread), and which types it was asked about (on any thread).</summary>
internal sealed class RecordingMonitor(string name = "recording", Func<Type, bool>? wantsDelivery = null, Func<Type, bool>? wantsEvent = null) : RunMonitor
{
    private int _starts;

    public override string Name => name;

    /// <summary>Deliveries and events, as shown: a <see cref="Delivery"/> or the published event.</summary>
    public List<object> Seen { get; } = [];

    public IEnumerable<Delivery> Deliveries => Seen.OfType<Delivery>();

    public ConcurrentQueue<Type> AskedDeliveryTypes { get; } = new();

    public ConcurrentQueue<Type> AskedEventTypes { get; } = new();

    public int Starts => Volatile.Read(ref _starts);

    public override void OnRunStart() => Interlocked.Increment(ref _starts);

    public override void OnDelivery(Delivery delivery) => Seen.Add(delivery);

    public override void OnEvent(object published) => Seen.Add(published);

    public override bool WantsDelivery(Type messageType)
    {
        AskedDeliveryTypes.Enqueue(messageType);
        return wantsDelivery?.Invoke(messageType) ?? true;
    }

    public override bool WantsEvent(Type eventType)
    {
        AskedEventTypes.Enqueue(eventType);
        return wantsEvent?.Invoke(eventType) ?? false;
    }
}
