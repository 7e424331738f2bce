using ActorHyper.Actors.Machine;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace ActorHyper.Host.Logging;

/// <summary>Serilog for the program: structured events to stderr, so stdout stays the command's result.</summary>
public static class HostLogging
{
    // Controlled runs have no meaningful wall time: the step and virtual time say when.
    private const string ConcurrentTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {ActorPath} {Message:lj}{NewLine}{Exception}";
    private const string ControlledTemplate = "[{Clock} {Level:u3}] {ActorPath} {Message:lj}{NewLine}{Exception}";

    /// <param name="level">The configured level (<c>actorhyper.log.level</c>).</param>
    /// <param name="verbose">--verbose: at least debug, whatever the configuration says.</param>
    /// <param name="mode">Chooses wall-clock or step/virtual-time stamps.</param>
    /// <param name="error">Where events go: the console's error stream uses the console sink.</param>
    public static ILogger Create(LogEventLevel level, bool verbose, ExecutionMode mode, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var minimum = verbose && level > LogEventLevel.Debug ? LogEventLevel.Debug : level;
        var template = mode == ExecutionMode.Controlled ? ControlledTemplate : ConcurrentTemplate;
        // Events from the host itself read as coming from "actorhyper" and, in controlled mode, as
        // happening at "setup" (before or outside any run); an actor system's own values win.
        var configuration = new LoggerConfiguration().MinimumLevel.Is(minimum)
            .Enrich.WithProperty("ActorPath", "actorhyper")
            .Enrich.WithProperty("Clock", "setup");
        return (ReferenceEquals(error, Console.Error)
                ? configuration.WriteTo.Console(outputTemplate: template, standardErrorFromLevel: LogEventLevel.Verbose,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                : configuration.WriteTo.Sink(new TextWriterSink(error,
                    new MessageTemplateTextFormatter(template, System.Globalization.CultureInfo.InvariantCulture))))
            .CreateLogger();
    }
}
