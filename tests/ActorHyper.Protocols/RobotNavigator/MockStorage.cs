using ActorHyper.Exploration.Coverage;
using Akka.Actor;

namespace ActorHyper.Protocols.RobotNavigator;

/// <summary>
/// A key-value store standing in for a cloud storage service: it lives across navigators, which is
/// what lets a new navigator pick up the request its predecessor was killed holding. A write is
/// answered with whether it replaced a value, so the navigator can tell a request was overwritten.
/// </summary>
public sealed class MockStorage : UntypedActor, IStateName
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public string CurrentStateName => _values.Count == 0 ? "empty" : "holding";

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ReadKey read:
                Check(read.Requestor, read.Key, nameof(ReadKey));
                read.Requestor.Tell(new KeyValue(read.Key, _values.GetValueOrDefault(read.Key)));
                break;
            case WriteKey write:
                Check(write.Requestor, write.Key, nameof(WriteKey));
                var existing = _values.ContainsKey(write.Key);
                _values[write.Key] = write.Value;
                // The confirmation is the commit: only then may the requestor rely on the value.
                write.Requestor.Tell(new WriteConfirmed(write.Key, write.Value, existing));
                break;
            case DeleteKey delete:
                Check(delete.Requestor, delete.Key, nameof(DeleteKey));
                _values.Remove(delete.Key);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>The original's argument assertions: a request names who asks and which key.</summary>
    private static void Check(IActorRef? requestor, string? key, string operation)
    {
        if (requestor is null || key is null)
        {
            throw new InvalidOperationException($"{operation} reached the storage without a requestor or a key");
        }
    }
}
