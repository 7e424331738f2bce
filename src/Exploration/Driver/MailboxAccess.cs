using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Dispatch;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// The few members of Akka's dispatch internals a controlled dispatcher needs and Akka keeps
/// internal: reached by <see cref="UnsafeAccessorAttribute"/>, which binds at JIT time and costs a call.
/// </summary>
internal static class MailboxAccess
{
    /// <summary>A suspended mailbox (its actor failed and awaits its supervisor) takes no user message.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "IsSuspended")]
    public static extern bool IsSuspended(Mailbox mailbox);

    /// <summary>What a mailbox run does before and after each message: the actor's system messages, in order.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "ProcessAllSystemMessages")]
    public static extern void ProcessAllSystemMessages(Mailbox mailbox);

    /// <summary>What <see cref="MessageDispatcher.Detach"/> does before it schedules the dispatcher's shutdown.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Unregister")]
    public static extern void Unregister(MessageDispatcher dispatcher, ActorCell cell);
}

/// <summary>The actor whose mailbox a run belongs to (Akka keeps <c>Mailbox.Actor</c> internal).</summary>
internal static class MailboxOwner
{
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Actor")]
    public static extern ActorCell Of(Mailbox mailbox);
}

/// <summary>The actor instance of a cell (Akka keeps <c>ActorCell.Actor</c> internal): null until created.</summary>
internal static class CellAccess
{
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Actor")]
    public static extern ActorBase? ActorOf(ActorCell cell);
}
