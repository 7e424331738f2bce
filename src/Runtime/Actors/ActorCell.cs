using ActorHyper.Runtime.Dispatch;
using Serilog;

namespace ActorHyper.Runtime;

/// <summary>
/// The runtime side of one actor: its mailbox, its current incarnation and behaviour stack,
/// and its place in the hierarchy. Every method not marked thread-safe runs on the actor's turn.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    private readonly Props _props;
    private readonly ActorCell? _parent;
    private readonly List<Receive> _behaviors = [];
    private ActorBase? _actor;
    private LifecycleState _state = LifecycleState.Created;
    private Envelope _current;
    private List<Envelope>? _stash;
    private ILogger? _log;
    private DeterministicRandom? _random;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, ActorPath path, IDispatcher dispatcher)
    {
        System = system;
        _props = props;
        _parent = parent;
        Path = path;
        Id = system.NextActorId();
        Self = new LocalActorRef(this);
        Mailbox = new Mailbox(this, dispatcher, system.Settings.Throughput);
    }

    private enum LifecycleState
    {
        Created,
        Running,
        Terminating,
        Terminated,
    }

    /// <summary>Creation order in the system: stable from run to run, so traces can name actors by it.</summary>
    public int Id { get; }

    public ActorPath Path { get; }

    public Mailbox Mailbox { get; }

    public ActorSystem System { get; }

    public IActorRef Self { get; }

    public IActorRef? CurrentSender => _current.Sender;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public IActorRef Parent => _parent?.Self ?? System.DeadLetters;

    public IScheduler Scheduler => System.Scheduler;

    public TimeSpan Now => System.Now;

    public DeterministicRandom Random => _random ??= DeterministicRandom.ForActor(System.Settings.Seed, Path.ToString());

    public ILogger Log => _log ??= System.Log.ForContext("ActorPath", Path.ToString());

    /// <summary>Thread-safe: queues the first incarnation's creation.</summary>
    public void Start() => Mailbox.PostSystem(Create.Instance);

    /// <summary>Thread-safe.</summary>
    public void Post(object message, IActorRef? sender) => Mailbox.Post(new Envelope(message, sender));

    /// <summary>Thread-safe.</summary>
    public void SendSystem(SystemMessage message) => Mailbox.PostSystem(message);

    public void Invoke(Envelope envelope)
    {
        _current = envelope;
        try
        {
            var message = envelope.Message;
            if (message is IAutoReceivedMessage)
            {
                switch (message)
                {
                    case PoisonPill:
                        Stop(Self);
                        return;
                    case Kill:
                        throw new ActorKilledException(Path);
                    case WatchedActorTerminated signal:
                        if (!TakePendingTerminated(signal.Dead))
                        {
                            return;
                        }

                        message = new Terminated(signal.Dead);
                        break;
                }
            }

            if (_actor is null)
            {
                System.PublishDeadLetter(message, envelope.Sender, Self);
                return;
            }

            if (!_behaviors[^1](message))
            {
                _actor.InvokeUnhandled(message);
            }
        }
        catch (Exception e)
        {
            Fail(e, envelope.Message);
        }
        finally
        {
            _current = default;
        }
    }

    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    HandleCreate();
                    break;
                case Terminate:
                    HandleTerminate();
                    break;
                case Resume:
                    HandleResume();
                    break;
                case Recreate recreate:
                    HandleRecreate(recreate.Cause);
                    break;
                case Failed failed:
                    HandleChildFailed(failed.Child, failed.Cause);
                    break;
                case Watch watch:
                    HandleWatch(watch.Watcher);
                    break;
                case Unwatch unwatch:
                    _watchedBy?.Remove(unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    HandleDeathWatchNotification(notification.Dead);
                    break;
                case ChildTerminated childTerminated:
                    HandleChildTerminated(childTerminated.Child);
                    break;
            }
        }
        catch (Exception e)
        {
            System.ReportRuntimeFault(Path, e);
        }
    }

    public void Become(Receive receive, bool discardOld = true)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (discardOld && _behaviors.Count > 0)
        {
            _behaviors[^1] = receive;
        }
        else
        {
            _behaviors.Add(receive);
        }
    }

    public void Unbecome()
    {
        if (_behaviors.Count > 1)
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }
    }

    public void Stash()
    {
        if (_current.Message is null)
        {
            throw new InvalidOperationException("Stash is called while handling a message, to set that message aside");
        }

        (_stash ??= []).Add(_current);
    }

    public void UnstashAll()
    {
        if (_stash is { Count: > 0 })
        {
            Mailbox.PushFront(_stash);
            _stash.Clear();
        }
    }

    private void HandleCreate()
    {
        if (_state != LifecycleState.Created)
        {
            return;
        }

        _state = LifecycleState.Running;
        StartIncarnation(reason: null);
    }

    /// <summary>Builds a fresh incarnation; failures go to the supervisor as initialization failures.</summary>
    private void StartIncarnation(Exception? reason)
    {
        try
        {
            _behaviors.Clear();
            _actor = ActorBase.Construct(this, _props);
            _behaviors.Insert(0, _actor.InvokeReceive);
            if (reason is null)
            {
                _actor.InvokePreStart();
            }
            else
            {
                _actor.InvokePostRestart(reason);
            }

            Mailbox.SetSuspended(false);
        }
        catch (Exception e)
        {
            _actor = null;
            Fail(new ActorInitializationException(Path, e), message: null);
        }
    }

    public override string ToString() => Path.ToString();
}
