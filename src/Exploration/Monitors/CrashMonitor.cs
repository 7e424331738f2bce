using System.Reflection;
using ActorHyper.Exploration.Trace;
using Akka.Actor;
using Akka.Event;

namespace ActorHyper.Exploration.Monitors;

/// <summary>
/// Fails a run, as <c>crash</c>, when an exception escapes an actor: from a handler (an assertion of
/// its own included, whatever the exception's type), its constructor or its restart hooks. Akka then
/// reports the failure to the actor's supervisor, which publishes it (an <see cref="Error"/> with the
/// <see cref="LogEvent.Cause"/>, or a <see cref="Warning"/> when it resumes the actor) before it
/// restarts, stops or resumes the actor: the run would otherwise go on without a trace of it, and an
/// actor that cannot be built would only cut every run short. The reason names the actor's path and
/// type, the message it was handling (Akka's <c>CurrentMessage</c> of the failed actor, still set when
/// its supervisor hears of it) and the exception's type and message. Crashes that
/// <paramref name="allowed"/> accepts (an actor designed to crash and restart) pass. Exceptions Akka
/// only logs without a supervisor (in <c>PostStop</c>) and failures under a supervisor strategy with
/// logging off are not seen.
/// </summary>
/// <param name="system">The controlled system, to find the failed actor's type and message by its path.</param>
/// <param name="allowed">Given the actor's type (its Props') and the exception escaping it: true for a crash that is no finding.</param>
public sealed class CrashMonitor(ActorSystem system, Func<Type, Exception, bool>? allowed = null) : RunMonitor, IStateDigest
{
    private readonly ActorSystem _system = system ?? throw new ArgumentNullException(nameof(system));

    public override string Name => "crash";

    /// <summary>It fails a run where it sees a crash and keeps nothing between events.</summary>
    public ulong StateDigest() => 0;

    public override bool WantsEvent(Type eventType) => eventType == typeof(Error) || eventType == typeof(Warning);

    public override void OnEvent(object published)
    {
        if (published is not LogEvent { Cause: { } cause } log || log.LogClass is null || !typeof(SupervisorStrategy).IsAssignableFrom(log.LogClass))
        {
            return;
        }

        var escaped = Unwrap(cause);
        var cell = ActorCells.Find(_system, log.LogSource);
        var actorType = cell?.Props.Type ?? typeof(ActorBase);
        if (allowed is not null && allowed(actorType, escaped))
        {
            return;
        }

        var where = cause is ActorInitializationException && cell?.CurrentMessage is null
            ? "in its constructor"
            : cell?.CurrentMessage is { } message ? $"handling {ActorCells.Describe(message)}" : "outside a handler";
        Fail($"{ActorCells.PathText(log.LogSource)} ({actorType.Name}) threw {escaped.GetType().Name} {where}: {escaped.Message}");
    }

    /// <summary>The exception the actor's code threw, inside the wrappers Akka and reflection put around it.</summary>
    private static Exception Unwrap(Exception cause)
    {
        var escaped = cause;
        while (escaped.InnerException is { } inner && escaped is ActorInitializationException or TypeLoadException or TargetInvocationException)
        {
            escaped = inner;
        }

        return escaped;
    }
}
