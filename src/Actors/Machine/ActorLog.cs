using Akka.Actor;
using Akka.Event;
using Akka.Logger.Serilog;

namespace ActorHyper.Actors.Machine;

/// <summary>
/// The logger of the machine's actors: Akka's logging adapter with Serilog-style templates
/// ("Instance {InstanceId}: {State}"), written with the actor's path (and, controlled, the step and virtual time).
/// </summary>
public static class ActorLog
{
    /// <summary>The logger of the actor whose context this is; call it on the actor's own turn (or in its constructor).</summary>
    public static ILoggingAdapter Of(IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
#pragma warning disable CS0618 // Akka.Logger.Serilog's adapter is the one that keeps Serilog templates as templates; its successor is not in the pinned version.
        return context.GetLogger<SerilogLoggingAdapter>();
#pragma warning restore CS0618
    }
}
