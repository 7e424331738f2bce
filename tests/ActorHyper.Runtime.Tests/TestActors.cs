using ActorHyper.Runtime;

namespace ActorHyper.Runtime.Tests;

/// <summary>Replies to every message with the same message.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards every message to a target, keeping the original sender.</summary>
internal sealed class ForwardActor : ReceiveActor
{
    public ForwardActor(IActorRef target) => ReceiveAny(m => target.Tell(m, Sender));
}

internal sealed record Fail(string Why);

internal sealed record GetCount;

/// <summary>Counts messages; throws on <see cref="Fail"/>; reports lifecycle hooks to a probe.</summary>
internal sealed class CountingActor : ReceiveActor
{
    private int _count;

    public CountingActor(IActorRef observer)
    {
        Receive<Fail>(f => throw new InvalidOperationException(f.Why));
        Receive<GetCount>(_ => Sender.Tell(_count));
        Receive<string>(_ => _count++);
        Observer = observer;
    }

    private IActorRef Observer { get; }

    protected override void PreStart() => Observer.Tell("prestart", Self);

    protected override void PostStop() => Observer.Tell("poststop");
}

/// <summary>A parent that supervises one child with a fixed directive.</summary>
internal sealed class SupervisingParent : ReceiveActor
{
    private readonly Directive _directive;

    public SupervisingParent(Directive directive, Props childProps, IActorRef observer)
    {
        _directive = directive;
        var child = Context.ActorOf(childProps, "child");
        ReceiveAny(m => child.Tell(m, Sender));
        Observer = observer;
    }

    private IActorRef Observer { get; }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => _directive);

    protected override void PreRestart(Exception reason, object? message)
    {
        Observer.Tell($"parent-restart:{reason.Message}");
        base.PreRestart(reason, message);
    }
}
