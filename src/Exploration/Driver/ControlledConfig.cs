using System.Globalization;
using Akka.Configuration;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// The configuration that puts an actor system under control: every actor on Akka's default
/// dispatcher (every actor whose props name no other) is dispatched by <see cref="ControlledDispatcher"/>,
/// timers run in virtual time (<see cref="VirtualTimeScheduler"/>), and Akka's own actors (guardians,
/// loggers) stay on the internal dispatcher. The actors themselves are not changed.
/// </summary>
public static class ControlledConfig
{
    /// <summary>The section this library reads: <c>seed</c>, <c>step-limit</c>.</summary>
    public const string Section = "actorhyper.exploration";

    public const string SeedPath = Section + ".seed";

    public const string StepLimitPath = Section + ".step-limit";

    public const long DefaultStepLimit = 10_000_000;

    /// <summary>The HOCON that makes a system controlled, with <paramref name="seed"/> as the seed of all randomness.</summary>
    public static string Hocon(ulong seed, long stepLimit = DefaultStepLimit) => string.Create(CultureInfo.InvariantCulture, $$"""
        akka.actor.default-dispatcher {
          type = "{{TypeName(typeof(ControlledDispatcherConfigurator))}}"
          throughput = 1
        }
        akka.scheduler.implementation = "{{TypeName(typeof(VirtualTimeScheduler))}}"
        akka.loggers-dispatcher = "akka.actor.internal-dispatcher"
        # What Akka prints itself once its loggers have stopped (at termination) stays off stdout.
        akka.stdout-loglevel = WARNING
        # Log events are written where they are published, stamped with the step (ControlledDriver).
        akka.loggers = []
        {{Section}} {
          seed = "{{seed}}"
          step-limit = {{stepLimit}}
        }
        """);

    /// <summary>The HOCON of a concurrent system with <paramref name="seed"/> as the seed of actors' randomness.</summary>
    public static string ConcurrentHocon(ulong seed) => string.Create(CultureInfo.InvariantCulture, $"{Section}.seed = \"{seed}\"");

    public static Config Controlled(ulong seed, long stepLimit = DefaultStepLimit) => ConfigurationFactory.ParseString(Hocon(seed, stepLimit));

    public static Config Concurrent(ulong seed) => ConfigurationFactory.ParseString(ConcurrentHocon(seed));

    /// <summary><c>actorhyper.exploration.seed</c>, 0 when absent. Kept as text: a seed is a full 64-bit value.</summary>
    public static ulong SeedOf(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var text = config.HasPath(SeedPath) ? config.GetString(SeedPath) : null;
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new ConfigurationException($"{SeedPath}: \"{text}\" is not a seed (a whole number from 0 to {ulong.MaxValue})");
    }

    internal static long StepLimitOf(Config config)
    {
        var limit = config.HasPath(StepLimitPath) ? config.GetLong(StepLimitPath) : DefaultStepLimit;
        return limit > 0 ? limit : throw new ConfigurationException($"{StepLimitPath}: {limit} is not a positive number of steps");
    }

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
