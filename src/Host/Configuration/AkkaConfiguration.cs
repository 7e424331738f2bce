using ActorHyper.Exploration.Driver;
using ActorHyper.Hocon;
using Serilog.Events;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;

namespace ActorHyper.Host.Configuration;

/// <summary>
/// Akka's configuration for a run, from the program's own layers: the <c>akka</c> section of the
/// resolved tree (reference.conf, --config, --set), read by the project's parser and handed to Akka
/// as JSON, under the few settings the runtime mode fixes (the controlled dispatcher and scheduler,
/// the seed). Akka's own parser never sees the user's text.
/// </summary>
public static class AkkaConfiguration
{
    public static AkkaConfig For(Config tree, RuntimeOptions runtime, LogEventLevel logLevel)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(runtime);
        var hasAkka = tree.Root.TryGetValue("akka", out var section) && section is HoconObject;
        var user = AkkaConfigurationFactory.ParseString("akka : " + (hasAkka ? section!.ToJson() : "{}"));
        var mode = runtime.ExecutionMode == ActorHyper.Actors.Machine.ExecutionMode.Controlled
            ? ControlledConfig.Controlled(runtime.Seed, runtime.StepLimit, runtime.Model)
            : ControlledConfig.Concurrent(runtime.Seed);

        // Akka drops events below its level before Serilog sees them: unless akka.loglevel is set,
        // it follows actorhyper.log.level (and --verbose).
        if (!user.HasPath("akka.loglevel"))
        {
            mode = mode.WithFallback(AkkaConfigurationFactory.ParseString($"akka.loglevel = {AkkaLevel(logLevel)}"));
        }

        return mode.WithFallback(user);
    }

    private static string AkkaLevel(LogEventLevel level) => level switch
    {
        <= LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARNING",
        _ => "ERROR",
    };
}
