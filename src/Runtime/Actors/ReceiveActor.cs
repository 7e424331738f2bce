namespace ActorHyper.Runtime;

/// <summary>
/// An actor whose behaviour is a list of typed handlers, registered in the constructor (or in
/// <see cref="Become(Action)"/>); the first handler whose type and predicate match wins.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private List<Receive>? _building = [];
    private Receive[] _initial = [];

    protected ReceiveActor()
    {
    }

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(shouldHandle is null
            ? message =>
            {
                if (message is not T typed)
                {
                    return false;
                }

                handler(typed);
                return true;
            }
            : message =>
            {
                if (message is not T typed || !shouldHandle(typed))
                {
                    return false;
                }

                handler(typed);
                return true;
            });
    }

    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Register(message =>
        {
            handler(message);
            return true;
        });
    }

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure));

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers; <see cref="UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Context.Become(Build(configure), discardOld: false);

    protected void UnbecomeStacked() => Context.Unbecome();

    protected sealed override bool Receive(object message) => Dispatch(_initial, message);

    internal sealed override void OnConstructed()
    {
        _initial = [.. _building ?? []];
        _building = null;
    }

    private void Register(Receive handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException(
                "handlers are registered in the constructor or inside Become/BecomeStacked, not while handling a message");
        }

        _building.Add(handler);
    }

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var saved = _building;
        _building = [];
        try
        {
            configure();
            var handlers = _building.ToArray();
            return message => Dispatch(handlers, message);
        }
        finally
        {
            _building = saved;
        }
    }

    private static bool Dispatch(Receive[] handlers, object message)
    {
        foreach (var handler in handlers)
        {
            if (handler(message))
            {
                return true;
            }
        }

        return false;
    }
}
