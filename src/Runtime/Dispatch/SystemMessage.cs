namespace ActorHyper.Runtime.Dispatch;

/// <summary>
/// Messages the runtime sends between cells to manage lifecycles. They jump ahead of user
/// messages and are handled even while the mailbox is suspended.
/// </summary>
internal abstract record SystemMessage;

/// <summary>Constructs the first incarnation.</summary>
internal sealed record Create : SystemMessage
{
    public static Create Instance { get; } = new();
}

/// <summary>Stops the actor (after its children).</summary>
internal sealed record Terminate : SystemMessage
{
    public static Terminate Instance { get; } = new();
}

/// <summary>From the supervisor: continue with the same incarnation.</summary>
internal sealed record Resume : SystemMessage
{
    public static Resume Instance { get; } = new();
}

/// <summary>From the supervisor: replace the incarnation, keeping the mailbox.</summary>
internal sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>To the supervisor: a child failed and its mailbox is suspended until a directive arrives.</summary>
internal sealed record Failed(ActorCell Child, Exception Cause) : SystemMessage;

/// <summary>Registers <paramref name="Watcher"/> to be told when the receiver stops.</summary>
internal sealed record Watch(ActorCell Watcher) : SystemMessage;

internal sealed record Unwatch(ActorCell Watcher) : SystemMessage;

/// <summary>To a watcher: <paramref name="Dead"/> has stopped.</summary>
internal sealed record DeathWatchNotification(IActorRef Dead) : SystemMessage;

/// <summary>To the parent: a child finished stopping, so its name is free again.</summary>
internal sealed record ChildTerminated(ActorCell Child) : SystemMessage;
