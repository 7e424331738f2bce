using Serilog;

namespace ActorHyper.Runtime;

/// <summary>
/// The base of every actor. An actor handles one message at a time and never blocks; its
/// state is reached only through messages.
/// </summary>
public abstract class ActorBase
{
    [ThreadStatic]
    private static ActorCell? t_constructingCell;

    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = t_constructingCell ?? throw new InvalidOperationException(
            "actors are created by ActorOf with Props, never with 'new'");
    }

    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    protected IActorRef Sender => _cell.Sender;

    protected ILogger Log => _cell.Log;

    /// <summary>The initial behaviour.</summary>
    protected abstract bool Receive(object message);

    protected virtual void PreStart()
    {
    }

    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed incarnation; by default stops all children and calls <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh incarnation; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; by default one-for-one, restarting.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Runtime.SupervisorStrategy.Default;

    /// <summary>Called for a message no behaviour handled: published as <see cref="UnhandledMessage"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentSender, Self));
    }

    // The cell calls the protected hooks through these, so actor authors override plain
    // 'protected' members whatever the assembly.
    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();

    internal void InvokeUnhandled(object message) => Unhandled(message);

    /// <summary>Runs once the constructor has returned, before any message.</summary>
    internal virtual void OnConstructed()
    {
    }

    internal static ActorBase Construct(ActorCell cell, Props props)
    {
        var previous = t_constructingCell;
        t_constructingCell = cell;
        try
        {
            var actor = props.NewActor();
            actor.OnConstructed();
            return actor;
        }
        finally
        {
            t_constructingCell = previous;
        }
    }
}
