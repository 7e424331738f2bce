using Akka.Configuration;

namespace ActorHyper.Exploration.Watching;

/// <summary>
/// The configuration that makes a system on real threads watchable by <see cref="RealThreadWatch"/>:
/// the default mailbox, and the ones Akka picks for actors that require a queue (stashing actors
/// require a deque), are observed. Bounded mailboxes and the loggers' own are left as they are.
/// A system with this configuration and no watch started runs as usual.
/// </summary>
public static class WatchedConfig
{
    public const string Section = "actorhyper.watching";

    public const string ObservedMailboxId = Section + ".observed-mailbox";

    public const string ObservedDequeMailboxId = Section + ".observed-deque-mailbox";

    /// <summary>An unobserved mailbox: the watch's hub uses it so it never observes itself; a host may use it for actors it does not want watched.</summary>
    public const string PlainMailboxId = Section + ".plain-mailbox";

    // Requirement keys are resolved by Type.GetType from inside Akka's assembly: Akka's names, as its own akka.conf writes them.
    public static string Hocon { get; } = $$"""
        akka.actor.default-mailbox.mailbox-type = "{{TypeName(typeof(ObservedMailbox))}}"
        akka.actor.mailbox.requirements {
          "Akka.Dispatch.IUnboundedMessageQueueSemantics" = {{ObservedMailboxId}}
          "Akka.Dispatch.IDequeBasedMessageQueueSemantics" = {{ObservedDequeMailboxId}}
          "Akka.Dispatch.IUnboundedDequeBasedMessageQueueSemantics" = {{ObservedDequeMailboxId}}
        }
        {{Section}} {
          observed-mailbox.mailbox-type = "{{TypeName(typeof(ObservedMailbox))}}"
          observed-deque-mailbox.mailbox-type = "{{TypeName(typeof(ObservedDequeMailbox))}}"
          plain-mailbox.mailbox-type = "Akka.Dispatch.UnboundedMailbox"
        }
        """;

    public static Config Config { get; } = ConfigurationFactory.ParseString(Hocon);

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
