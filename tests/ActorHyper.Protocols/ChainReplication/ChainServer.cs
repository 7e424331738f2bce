using ActorHyper.Exploration.Coverage;
using Akka.Actor;

namespace ActorHyper.Protocols.ChainReplication;

/// <summary>
/// One server of the chain. The head numbers each client update, keeps it in its history and its
/// list of updates sent but not yet acknowledged, and passes it to its successor; each server after it
/// does the same, taking the head's number, until the tail answers the client and sends the
/// acknowledgement back up the chain, where each server drops the update from its sent list. The tail
/// answers queries. The master may make a server the head or the tail when the one before or after it
/// fails; the new tail then answers every update it had sent on but not seen acknowledged.
/// </summary>
public sealed class ChainServer : ReceiveActor, IWithUnboundedStash, IStateName
{
    private readonly bool _headKeepsItsNumbering;
    private readonly Dictionary<int, int> _store = [];
    private readonly List<int> _history = [];
    private readonly List<SentUpdate> _sent = [];

    private bool _isHead;
    private bool _isTail;
    private IActorRef _predecessor = ActorRefs.Nobody;
    private IActorRef _successor = ActorRefs.Nobody;
    private int _nextSeq;

    /// <param name="headKeepsItsNumbering">
    /// False: the planted bug, a server takes the number of every forwarded update it accepts, the head
    /// too. Once the chain has shrunk to one server, that server is head and tail and its own successor:
    /// when it takes back its own forward of an earlier update after numbering a later one, its counter
    /// goes back, and the next update gets a number it has already used. True: the fix, only a server
    /// that is not the head follows the numbers it is forwarded; the head's counter only goes up.
    /// </param>
    public ChainServer(bool isHead, bool isTail, bool headKeepsItsNumbering)
    {
        _isHead = isHead;
        _isTail = isTail;
        _headKeepsItsNumbering = headKeepsItsNumbering;
        CurrentStateName = "Init";
        Receive<Neighbours>(neighbours =>
        {
            _predecessor = neighbours.Predecessor;
            _successor = neighbours.Successor;
            Stash.UnstashAll();
            Become(Serving);
        });
        // Requests, acknowledgements and pings may come before the neighbours: kept until then.
        ReceiveAny(_ => Stash.Stash());
    }

    public IStash Stash { get; set; } = null!;

    public string CurrentStateName { get; private set; }

    private void Serving()
    {
        CurrentStateName = "Serving";
        Receive<Update>(OnUpdate);
        Receive<ForwardUpdate>(OnForward);
        Receive<BackwardAck>(OnAck);
        Receive<Query>(OnQuery);
        Receive<BecomeHead>(become =>
        {
            _isHead = true;
            _predecessor = Self;
            become.Master.Tell(HeadChanged.Instance);
        });
        Receive<BecomeTail>(OnBecomeTail);
        Receive<Ping>(ping => ping.Detector.Tell(Pong.Instance));
    }

    private void OnUpdate(Update update)
    {
        _nextSeq++;
        if (!_isHead)
        {
            throw new InvalidOperationException($"{Self.Path.Name} got a client's update but is not the head");
        }

        _store[update.Key] = update.Value;
        Record(_nextSeq, update.Client, update.Key, update.Value);
    }

    private void OnForward(ForwardUpdate forward)
    {
        // A forward from a server that is no longer this one's predecessor is dropped.
        if (!forward.Predecessor.Equals(_predecessor))
        {
            return;
        }

        // VARIANT (planted): the head, forwarded its own update (it is also the tail), takes its number back.
        if (!_isHead || !_headKeepsItsNumbering)
        {
            _nextSeq = forward.Seq;
        }

        _store[forward.Key] = forward.Value;
        if (!_isTail)
        {
            Record(forward.Seq, forward.Client, forward.Key, forward.Value);
            return;
        }

        if (!_isHead)
        {
            _history.Add(forward.Seq);
            // Not told in the original, whose monitor then compares its predecessor's history with a stale
            // copy of a server that has become the tail (its lists are shared, which hides it there).
            Context.System.EventStream.Publish(new HistoryReported(Self, [.. _history]));
        }

        Context.System.EventStream.Publish(new UpdateAnswered(Self, forward.Key, forward.Value));
        forward.Client.Tell(UpdateDone.Instance);
        _predecessor.Tell(new BackwardAck(forward.Seq));
    }

    /// <summary>An update this server keeps and passes on: into its history and its sent list, both shown to the monitor.</summary>
    private void Record(int seq, IActorRef client, int key, int value)
    {
        _history.Add(seq);
        Context.System.EventStream.Publish(new HistoryReported(Self, [.. _history]));
        _sent.Add(new SentUpdate(seq, client, key, value));
        Context.System.EventStream.Publish(new SentReported(Self, [.. _sent.Select(static s => s.Seq)]));
        _successor.Tell(new ForwardUpdate(Self, seq, client, key, value));
    }

    private void OnAck(BackwardAck ack)
    {
        var index = _sent.FindIndex(s => s.Seq == ack.Seq);
        if (index >= 0)
        {
            _sent.RemoveAt(index);
        }

        if (!_isHead)
        {
            _predecessor.Tell(ack);
        }
    }

    private void OnQuery(Query query)
    {
        if (!_isTail)
        {
            throw new InvalidOperationException($"{Self.Path.Name} got a client's query but is not the tail");
        }

        if (_store.TryGetValue(query.Key, out var value))
        {
            Context.System.EventStream.Publish(new QueryAnswered(Self, query.Key, value));
            query.Client.Tell(new QueryResult(value));
        }
        else
        {
            query.Client.Tell(new QueryResult(-1));
        }
    }

    /// <summary>The new tail answers what it had sent on and not seen acknowledged, and acknowledges it up the chain.</summary>
    private void OnBecomeTail(BecomeTail become)
    {
        _isTail = true;
        _successor = Self;
        foreach (var sent in _sent)
        {
            Context.System.EventStream.Publish(new UpdateAnswered(Self, sent.Key, sent.Value));
            sent.Client.Tell(UpdateDone.Instance);
            _predecessor.Tell(new BackwardAck(sent.Seq));
        }

        become.Master.Tell(TailChanged.Instance);
    }

    private sealed record SentUpdate(int Seq, IActorRef Client, int Key, int Value);
}
