using System.Globalization;
using ActorHyper.Runtime.Dispatch;

namespace ActorHyper.Runtime;

/// <summary>Children: creation, lookup, stopping, and this actor's own stop (after its children).</summary>
internal sealed partial class ActorCell
{
    /// <summary>Guards <see cref="_children"/>: top-level actors are created from any thread.</summary>
    private readonly Lock _childrenLock = new();

    /// <summary>Live and stopping children by name, in creation order (so stopping order is deterministic).</summary>
    private readonly OrderedDictionary<string, ActorCell> _children = new(StringComparer.Ordinal);

    private long _nextChildNumber;

    /// <summary>Set by the parent when it asked this actor to stop.</summary>
    private bool _stopRequestedByParent;

    public IReadOnlyList<IActorRef> Children
    {
        get
        {
            lock (_childrenLock)
            {
                return [.. _children.Values.Where(c => !c._stopRequestedByParent).Select(c => c.Self)];
            }
        }
    }

    public IActorRef? Child(string name)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(name, out var child) && !child._stopRequestedByParent ? child.Self : null;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ActorCell child;
        lock (_childrenLock)
        {
            if (_state >= LifecycleState.Terminating)
            {
                throw new InvalidOperationException($"actor {Path} is stopping and cannot create children");
            }

            if (name is null)
            {
                name = "$" + (++_nextChildNumber).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                ActorPath.ValidateName(name);
                if (_children.ContainsKey(name))
                {
                    throw new InvalidActorNameException($"actor name '{name}' is not unique under {Path}");
                }
            }

            child = new ActorCell(System, props, this, Path.Child(name), System.Dispatcher);
            _children.Add(name, child);
        }

        child.Start();
        return child.Self;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self))
        {
            SendSystem(Terminate.Instance);
            return;
        }

        if (actor is LocalActorRef local && IsLiveChild(local.Cell))
        {
            StopChild(local.Cell);
            return;
        }

        throw new InvalidOperationException(
            $"{Path} may stop only itself or its children, not {actor.Path}: send it a message (for example PoisonPill)");
    }

    private void StopChild(ActorCell child)
    {
        child._stopRequestedByParent = true;
        child.SendSystem(Terminate.Instance);
    }

    private bool IsLiveChild(ActorCell cell)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(cell.Path.Name, out var child) && ReferenceEquals(child, cell);
        }
    }

    private bool AnyChildStopping()
    {
        lock (_childrenLock)
        {
            return _children.Values.Any(c => c._stopRequestedByParent);
        }
    }

    private void HandleTerminate()
    {
        if (_state >= LifecycleState.Terminating)
        {
            return;
        }

        _state = LifecycleState.Terminating;
        _recreateCause = null;
        Mailbox.SetSuspended(true);
        ActorCell[] children;
        lock (_childrenLock)
        {
            children = [.. _children.Values];
        }

        foreach (var child in children)
        {
            StopChild(child);
        }

        if (children.Length == 0)
        {
            FinishTerminate();
        }
    }

    private void HandleChildTerminated(ActorCell child)
    {
        bool noneLeft;
        lock (_childrenLock)
        {
            if (_children.TryGetValue(child.Path.Name, out var known) && ReferenceEquals(known, child))
            {
                _children.Remove(child.Path.Name);
            }

            noneLeft = _children.Count == 0;
        }

        if (_state == LifecycleState.Terminating)
        {
            if (noneLeft)
            {
                FinishTerminate();
            }

            return;
        }

        ContinueRecreateIfReady();
    }

    private void FinishTerminate()
    {
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePostStop();
            }
            catch (Exception e)
            {
                System.Log.Error(e, "PostStop of {ActorPath} threw", Path.ToString());
            }
        }

        _actor = null;
        _behaviors.Clear();
        _state = LifecycleState.Terminated;
        System.EventStream.Unsubscribe(Self);
        if (_stash is not null)
        {
            foreach (var envelope in _stash)
            {
                System.PublishDeadLetter(envelope.Message, envelope.Sender, Self);
            }

            _stash = null;
        }

        Mailbox.Close();
        NotifyWatchersAndUnwatchAll();
        if (_parent is null)
        {
            System.OnRootTerminated();
        }
        else
        {
            _parent.SendSystem(new ChildTerminated(this));
        }
    }
}
