namespace ActorHyper.Runtime;

/// <summary>
/// Publish/subscribe by message type. Each subscriber gets an event once, however many of its
/// subscribed types match. Publishing reads an immutable snapshot, so it takes no lock.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private Subscriber[] _subscribers = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>; false if it already was.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var index = Array.FindIndex(_subscribers, s => s.Ref.Equals(subscriber));
            if (index < 0)
            {
                _subscribers = [.. _subscribers, new Subscriber(subscriber, [channel])];
                return true;
            }

            var existing = _subscribers[index];
            if (existing.Channels.Contains(channel))
            {
                return false;
            }

            var updated = (Subscriber[])_subscribers.Clone();
            updated[index] = existing with { Channels = [.. existing.Channels, channel] };
            _subscribers = updated;
            return true;
        }
    }

    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Removes one channel of a subscriber; false if it was not subscribed to it.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            var index = Array.FindIndex(_subscribers, s => s.Ref.Equals(subscriber));
            if (index < 0 || !_subscribers[index].Channels.Contains(channel))
            {
                return false;
            }

            var remaining = _subscribers[index].Channels.Where(c => c != channel).ToArray();
            _subscribers = remaining.Length == 0
                ? [.. _subscribers.Where((_, i) => i != index)]
                : [.. _subscribers.Select((s, i) => i == index ? s with { Channels = remaining } : s)];
            return true;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/> (done for stopped actors).</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
        {
            if (Array.Exists(_subscribers, s => s.Ref.Equals(subscriber)))
            {
                _subscribers = [.. _subscribers.Where(s => !s.Ref.Equals(subscriber))];
            }
        }
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            foreach (var channel in subscriber.Channels)
            {
                if (channel.IsAssignableFrom(type))
                {
                    subscriber.Ref.Tell(@event);
                    break;
                }
            }
        }
    }

    private sealed record Subscriber(IActorRef Ref, Type[] Channels);
}
