namespace ActorHyper.Runtime;

/// <summary>A reference to an actor of this process. Equal only to references to the same incarnation chain.</summary>
internal sealed class LocalActorRef(ActorCell cell) : IActorRef
{
    public ActorCell Cell { get; } = cell;

    public ActorPath Path => Cell.Path;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender);
    }

    public bool Equals(IActorRef? other) => other is LocalActorRef local && ReferenceEquals(local.Cell, Cell);

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Cell.Id;

    public override string ToString() => $"Actor[{Path}#{Cell.Id}]";
}
