namespace ActorHyper.Runtime;

/// <summary>How to create (and re-create, on restart) an actor.</summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Func<ActorBase> factory, Type actorType, SupervisorStrategy? supervisorStrategy)
    {
        _factory = factory;
        ActorType = actorType;
        SupervisorStrategy = supervisorStrategy;
    }

    public Type ActorType { get; }

    /// <summary>Overrides the actor's own <c>SupervisorStrategy()</c> for its children, when set.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(() => new TActor(), typeof(TActor), null);

    /// <summary>The factory runs once per incarnation: at start and at every restart.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(factory, typeof(TActor), null);
    }

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(_factory, ActorType, strategy);

    internal ActorBase NewActor() => _factory();

    public override string ToString() => $"Props({ActorType.Name})";
}
