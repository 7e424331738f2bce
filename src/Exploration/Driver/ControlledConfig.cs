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

    /// <summary>The execution model's keys (<see cref="ExecutionModel"/>): durations in microseconds, a horizon of -1 for none.</summary>
    public const string DeliveryPath = Section + ".delivery";
    public const string TimersPath = Section + ".timers";
    public const string TimerRacePath = Section + ".timer-race";
    public const string TimerHorizonPath = Section + ".timer-horizon-us";
    public const string StepTimePath = Section + ".step-time-us";
    public const string EarlyTimersPath = Section + ".early-timers";

    /// <summary>The HOCON that makes a system controlled, with <paramref name="seed"/> as the seed of all randomness, under <paramref name="model"/> (local actors' by default).</summary>
    public static string Hocon(ulong seed, long stepLimit = DefaultStepLimit, ExecutionModel? model = null) => string.Create(CultureInfo.InvariantCulture, $$"""
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
        # A message to a stopped actor is one step: the driver shows it as the dead letter it is and the
        # dead-letter monitor counts it there; Akka's listener would log it in a second step of its own.
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        {{Section}} {
          seed = "{{seed}}"
          step-limit = {{stepLimit}}
          {{ModelHocon(model ?? ExecutionModel.LocalActors)}}
        }
        """);

    private static string ModelHocon(ExecutionModel model) => string.Create(CultureInfo.InvariantCulture,
        $"delivery = {ExecutionModel.NameOf(model.Delivery)}, timers = {ExecutionModel.NameOf(model.Timers)}, timer-race = {ExecutionModel.NameOf(model.Race)}, " +
        $"timer-horizon-us = {(model.Horizon is { } horizon ? horizon.Ticks / 10.0 : -1)}, step-time-us = {model.StepTime.Ticks / 10.0}, early-timers = {model.EarlyTimers}");

    /// <summary>The execution model a controlled system's configuration names (local actors' where it names none).</summary>
    public static ExecutionModel ModelOf(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var model = ExecutionModel.LocalActors;
        if (config.HasPath(DeliveryPath))
        {
            var text = config.GetString(DeliveryPath);
            model = model with { Delivery = ExecutionModel.TryParseDelivery(text, out var delivery) ? delivery : throw new ConfigurationException($"{DeliveryPath}: \"{text}\" is not a delivery order (causal or channel)") };
        }

        if (config.HasPath(TimersPath))
        {
            var text = config.GetString(TimersPath);
            model = model with { Timers = ExecutionModel.TryParseTimers(text, out var timers) ? timers : throw new ConfigurationException($"{TimersPath}: \"{text}\" is not a timer order (due-order or any-order)") };
        }

        if (config.HasPath(TimerRacePath))
        {
            var text = config.GetString(TimerRacePath);
            model = model with { Race = ExecutionModel.TryParseRace(text, out var race) ? race : throw new ConfigurationException($"{TimerRacePath}: \"{text}\" is not a timer race (uniform or clocked)") };
        }

        if (config.HasPath(TimerHorizonPath))
        {
            var micros = config.GetDouble(TimerHorizonPath);
            model = model with { Horizon = micros < 0 ? null : TimeSpan.FromTicks((long)Math.Round(micros * 10)) };
        }

        if (config.HasPath(StepTimePath))
        {
            var micros = config.GetDouble(StepTimePath);
            model = model with { StepTime = micros >= 0 ? TimeSpan.FromTicks((long)Math.Round(micros * 10)) : throw new ConfigurationException($"{StepTimePath}: {micros} is not a step time (0 or more microseconds)") };
        }

        if (config.HasPath(EarlyTimersPath))
        {
            var early = config.GetInt(EarlyTimersPath);
            model = model with { EarlyTimers = early >= 0 ? early : throw new ConfigurationException($"{EarlyTimersPath}: {early} is not a number of timers (0 or more)") };
        }

        return model;
    }

    /// <summary>The HOCON of a concurrent system with <paramref name="seed"/> as the seed of actors' randomness.</summary>
    public static string ConcurrentHocon(ulong seed) => string.Create(CultureInfo.InvariantCulture, $"{Section}.seed = \"{seed}\"");

    public static Config Controlled(ulong seed, long stepLimit = DefaultStepLimit, ExecutionModel? model = null) => ConfigurationFactory.ParseString(Hocon(seed, stepLimit, model));

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
