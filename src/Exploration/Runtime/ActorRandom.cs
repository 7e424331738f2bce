using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Trace;
using Akka.Actor;

namespace ActorHyper.Exploration.Runtime;

/// <summary>
/// Seeded randomness for actors: one stream per actor path, derived from the system's seed
/// (<c>actorhyper.exploration.seed</c>) and the path alone, so a draw does not depend on which
/// thread or schedule ran first. Under a controlled run every draw is folded into the trace hash.
/// </summary>
public sealed class ActorRandom : IExtension
{
    private readonly Dictionary<string, DeterministicRandom> _streams = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Action<ulong>? _onDraw;

    internal ActorRandom(ActorSystem system)
    {
        Seed = ControlledConfig.SeedOf(system.Settings.Config);
        _onDraw = ControlledDriver.TryGet(system) is { } driver ? driver.OnRandomDraw : null;
    }

    /// <summary>The system seed every stream derives from.</summary>
    public ulong Seed { get; private set; }

    public static ActorRandom For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<ActorRandom, ActorRandomProvider>();
    }

    /// <summary>The stream of the actor at <paramref name="actor"/>'s path (the same object on every call).</summary>
    public DeterministicRandom Of(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var path = actor.Path.ToStringWithoutAddress();
        lock (_gate)
        {
            if (!_streams.TryGetValue(path, out var stream))
            {
                stream = DeterministicRandom.ForActor(Seed, path, _onDraw);
                _streams.Add(path, stream);
            }

            return stream;
        }
    }

    /// <summary>Where every stream drawn from this run stands, by path, in no particular order: part of a state digest.</summary>
    internal ulong StateDigest()
    {
        lock (_gate)
        {
            return StateDigests.Unordered(_streams, static entry => StableHash.Add(StableHash.Of(entry.Key), entry.Value.StateDigest()));
        }
    }

    /// <summary>Forgets every stream and takes a new seed: the next draw of each actor starts its sequence again (a new run).</summary>
    internal void Reset(ulong seed)
    {
        lock (_gate)
        {
            Seed = seed;
            _streams.Clear();
        }
    }
}

/// <summary>Creates the one <see cref="ActorRandom"/> of a system.</summary>
public sealed class ActorRandomProvider : ExtensionIdProvider<ActorRandom>
{
    public override ActorRandom CreateExtension(ExtendedActorSystem system) => new(system);
}

/// <summary>What actor code reads time and randomness from: <c>Context.Now</c>, <c>Context.Random</c>.</summary>
public static class ActorContextExtensions
{
    extension(IActorContext context)
    {
        /// <summary>Elapsed since the system started, from its scheduler (virtual when controlled).</summary>
        public TimeSpan Now => ActorClock.For(context.System).Now;

        /// <summary>This actor's own seeded stream.</summary>
        public DeterministicRandom Random => ActorRandom.For(context.System).Of(context.Self);
    }

    extension(ActorSystem system)
    {
        /// <summary>Elapsed since the system started, from its scheduler (virtual when controlled).</summary>
        public TimeSpan Now => ActorClock.For(system).Now;
    }
}
