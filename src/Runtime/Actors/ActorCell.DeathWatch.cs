using ActorHyper.Runtime.Dispatch;

namespace ActorHyper.Runtime;

/// <summary>A <see cref="Terminated"/> in transit; dropped on delivery if the watcher unwatched meanwhile.</summary>
internal sealed record WatchedActorTerminated(IActorRef Dead) : IAutoReceivedMessage;

/// <summary>Death watch: who watches this actor, whom it watches, and turning deaths into <see cref="Terminated"/>.</summary>
internal sealed partial class ActorCell
{
    private List<ActorCell>? _watchedBy;
    private List<ActorCell>? _watching;
    private List<IActorRef>? _pendingTerminated;

    public IActorRef Watch(IActorRef actor)
    {
        var target = LocalCellOf(actor, nameof(Watch));
        if (!ReferenceEquals(target, this) && !(_watching ??= []).Contains(target))
        {
            _watching.Add(target);
            target.SendSystem(new Watch(this));
        }

        return actor;
    }

    public IActorRef Unwatch(IActorRef actor)
    {
        var target = LocalCellOf(actor, nameof(Unwatch));
        if (_watching is not null && _watching.Remove(target))
        {
            target.SendSystem(new Unwatch(this));
        }

        _pendingTerminated?.Remove(actor);
        return actor;
    }

    /// <summary>Thread-safe: a system message reached this actor after it stopped.</summary>
    public void SystemMessageAfterClose(SystemMessage message)
    {
        // A watch on a dead actor is answered at once, as if it had died just now.
        if (message is Watch watch)
        {
            watch.Watcher.SendSystem(new DeathWatchNotification(Self));
        }
    }

    private void HandleWatch(ActorCell watcher)
    {
        if (_state == LifecycleState.Terminated)
        {
            watcher.SendSystem(new DeathWatchNotification(Self));
            return;
        }

        if (!(_watchedBy ??= []).Contains(watcher))
        {
            _watchedBy.Add(watcher);
        }
    }

    private void HandleDeathWatchNotification(IActorRef dead)
    {
        if (_state == LifecycleState.Terminated || dead is not LocalActorRef local ||
            _watching is null || !_watching.Remove(local.Cell))
        {
            return;
        }

        (_pendingTerminated ??= []).Add(dead);

        // Through the user queue, so it arrives after the messages the dead actor sent before dying.
        Post(new WatchedActorTerminated(dead), null);
    }

    private bool TakePendingTerminated(IActorRef dead) => _pendingTerminated?.Remove(dead) ?? false;

    private void NotifyWatchersAndUnwatchAll()
    {
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
            {
                watcher.SendSystem(new DeathWatchNotification(Self));
            }

            _watchedBy = null;
        }

        if (_watching is not null)
        {
            foreach (var watched in _watching)
            {
                watched.SendSystem(new Unwatch(this));
            }

            _watching = null;
        }
    }

    private static ActorCell LocalCellOf(IActorRef actor, string operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is LocalActorRef local
            ? local.Cell
            : throw new NotSupportedException($"{operation} needs an actor of this system, not {actor.Path}");
    }
}
