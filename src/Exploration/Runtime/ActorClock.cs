using ActorHyper.Exploration.Driver;
using Akka.Actor;

namespace ActorHyper.Exploration.Runtime;

/// <summary>
/// The actor system's clock as actors read it: time elapsed since the system started, from the
/// system's scheduler. Under <see cref="VirtualTimeScheduler"/> it is virtual time, so actor code
/// that reads it stays replayable; it never reads the wall clock itself.
/// </summary>
public sealed class ActorClock : IExtension
{
    private readonly IScheduler _scheduler;
    private readonly TimeSpan _start;

    internal ActorClock(ActorSystem system)
    {
        _scheduler = system.Scheduler;
        _start = _scheduler is VirtualTimeScheduler ? TimeSpan.Zero : _scheduler.MonotonicClock;
    }

    /// <summary>Elapsed since the system started (virtual when controlled).</summary>
    public TimeSpan Now => _scheduler.MonotonicClock - _start;

    /// <summary>The last system's clock asked for on this thread: actor code reads the clock at every event.</summary>
    [ThreadStatic]
    private static (ActorSystem System, ActorClock Clock)? t_last;

    public static ActorClock For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (t_last is { } last && ReferenceEquals(last.System, system))
        {
            return last.Clock;
        }

        var clock = system.WithExtension<ActorClock, ActorClockProvider>();
        t_last = (system, clock);
        return clock;
    }
}

/// <summary>Creates the one <see cref="ActorClock"/> of a system.</summary>
public sealed class ActorClockProvider : ExtensionIdProvider<ActorClock>
{
    public override ActorClock CreateExtension(ExtendedActorSystem system) => new(system);
}
