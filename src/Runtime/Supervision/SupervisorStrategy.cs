namespace ActorHyper.Runtime;

/// <summary>Decides what happens to a failed child.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>One-for-one, restarting on any failure except initialization, kill and death pact, which stop.</summary>
    public static SupervisorStrategy Default { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one, stopping on any failure.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    internal abstract Directive Decide(ChildRestartStats stats, Exception cause, TimeSpan now);
}

/// <summary>
/// Applies the decider's directive to the failed child only. A restart beyond
/// <c>maxRetries</c> within <c>window</c> (when given) stops the child instead.
/// </summary>
public sealed class OneForOneStrategy(Func<Exception, Directive> decider, int maxRetries = -1, TimeSpan? window = null)
    : SupervisorStrategy
{
    internal override Directive Decide(ChildRestartStats stats, Exception cause, TimeSpan now)
    {
        var directive = decider(cause);
        return directive == Directive.Restart && !stats.RequestRestart(maxRetries, window, now)
            ? Directive.Stop
            : directive;
    }
}
