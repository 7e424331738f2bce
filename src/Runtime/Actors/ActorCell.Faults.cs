using ActorHyper.Runtime.Dispatch;

namespace ActorHyper.Runtime;

/// <summary>Failure and supervision: a failing actor suspends and asks its parent for a directive.</summary>
internal sealed partial class ActorCell
{
    private object? _failedMessage;
    private Exception? _recreateCause;
    private ActorCell? _escalatedChild;

    /// <summary>Restart bookkeeping kept by this actor's supervisor (touched only on the parent's turn).</summary>
    public ChildRestartStats RestartStats { get; } = new();

    /// <summary>Suspends this actor and hands the failure to its supervisor.</summary>
    private void Fail(Exception cause, object? message)
    {
        if (_state >= LifecycleState.Terminating)
        {
            System.Log.Error(cause, "Actor {ActorPath} failed while stopping", Path.ToString());
            return;
        }

        _failedMessage = message;
        Mailbox.SetSuspended(true);
        if (_parent is null)
        {
            // Only the root guardian has no supervisor: nothing is left to decide, so it stops.
            System.Log.Error(cause, "Root guardian failed; stopping the actor system");
            HandleTerminate();
            return;
        }

        _parent.SendSystem(new Failed(this, cause));
    }

    private void HandleChildFailed(ActorCell child, Exception cause)
    {
        if (!IsLiveChild(child) || _state >= LifecycleState.Terminating)
        {
            return;
        }

        var directive = DecideFor(child, cause);
        System.Log.Error(cause, "Actor {ActorPath} failed: {Reason}; supervisor {Supervisor} decided {Directive}",
            child.Path.ToString(), cause.Message, Path.ToString(), directive);
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystem(Resume.Instance);
                break;
            case Directive.Restart:
                child.SendSystem(new Recreate(cause));
                break;
            case Directive.Stop:
                StopChild(child);
                break;
            case Directive.Escalate:
                _escalatedChild = child;
                Fail(cause, _failedMessage);
                break;
        }
    }

    private Directive DecideFor(ActorCell child, Exception cause)
    {
        try
        {
            var strategy = _props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.Default;
            return strategy.Decide(child.RestartStats, cause, System.Now);
        }
        catch (Exception e)
        {
            System.Log.Error(e, "Supervisor strategy of {ActorPath} threw; stopping the failed child", Path.ToString());
            return Directive.Stop;
        }
    }

    private void HandleResume()
    {
        if (_state != LifecycleState.Running)
        {
            return;
        }

        if (_actor is null)
        {
            // Nothing to resume when the constructor itself failed: build a new incarnation.
            HandleRecreate(new InvalidOperationException($"actor {Path} resumed after failing to initialize"));
            return;
        }

        Mailbox.SetSuspended(false);
        if (_escalatedChild is { } child)
        {
            _escalatedChild = null;
            child.SendSystem(Resume.Instance);
        }
    }

    private void HandleRecreate(Exception cause)
    {
        if (_state != LifecycleState.Running)
        {
            return;
        }

        _escalatedChild = null;
        if (_actor is not null)
        {
            try
            {
                _actor.InvokePreRestart(cause, _failedMessage);
            }
            catch (Exception e)
            {
                System.Log.Error(e, "PreRestart of {ActorPath} threw; restarting anyway", Path.ToString());
            }
        }

        _actor = null;
        _failedMessage = null;

        // Stashed messages survive a restart: they go back to the front of the mailbox.
        UnstashAll();

        // A new incarnation may re-create children with the same names: wait for those stopping.
        if (AnyChildStopping())
        {
            _recreateCause = cause;
            return;
        }

        StartIncarnation(cause);
    }

    /// <summary>Called when a child has finished stopping; a restart waiting for it may proceed.</summary>
    private void ContinueRecreateIfReady()
    {
        if (_recreateCause is { } cause && !AnyChildStopping())
        {
            _recreateCause = null;
            StartIncarnation(cause);
        }
    }
}
