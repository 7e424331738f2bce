using System.Globalization;
using Akka.Event;
using Serilog.Events;

namespace ActorHyper.Exploration.Driver;

/// <summary>
/// Writes Akka log events of a controlled run to Serilog where they are published, stamped with
/// <c>Step</c>, <c>VirtualTime</c> and both as <c>Clock</c> ("step 17 @1.500ms"): wall time means
/// nothing there, and the step is what a replay can be stopped at. Templates are Serilog's, as
/// with Akka.Logger.Serilog (<c>Context.GetLogger&lt;SerilogLoggingAdapter&gt;()</c>) or Akka's own <c>{0}</c>.
/// </summary>
internal static class ControlledLogWriter
{
    public static void Write(Serilog.ILogger logger, Akka.Event.LogEvent logEvent, long step, TimeSpan now)
    {
        var level = logEvent.LogLevel() switch
        {
            Akka.Event.LogLevel.DebugLevel => LogEventLevel.Debug,
            Akka.Event.LogLevel.InfoLevel => LogEventLevel.Information,
            Akka.Event.LogLevel.WarningLevel => LogEventLevel.Warning,
            _ => LogEventLevel.Error,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var time = now.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + "ms";
        var stamped = logger
            .ForContext("Step", step)
            .ForContext("VirtualTime", time)
            .ForContext("Clock", $"step {step} @{time}")
            .ForContext("ActorPath", ActorPathOf(logEvent.LogSource));
        var exception = logEvent.Cause;
        if (logEvent.Message is LogMessage message)
        {
#pragma warning disable CA2254 // The template is the actor's own, as Akka.Logger.Serilog passes it.
            stamped.Write(level, exception, message.Format, [.. message.Parameters()]);
#pragma warning restore CA2254
        }
        else
        {
            stamped.Write(level, exception, "{Message:l}", logEvent.Message?.ToString() ?? string.Empty);
        }
    }

    /// <summary>Akka names the source "akka://system/user/a" (an actor's logger adds its uid); the stamp shows the path alone.</summary>
    private static string ActorPathOf(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return "akka";
        }

        var scheme = source.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return source;
        }

        // "[akka://system/user/a#123]": the path alone, without the uid (random from run to run).
        var slash = source.IndexOf('/', scheme + 3);
        if (slash < 0)
        {
            return source;
        }

        var end = source.IndexOfAny(['#', ']'], slash);
        return end < 0 ? source[slash..] : source[slash..end];
    }
}
