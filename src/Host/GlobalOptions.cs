using System.CommandLine;
using ActorHyper.Hocon;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Logging;
using Serilog;
using Serilog.Events;

namespace ActorHyper.Host;

/// <summary>The options every command takes, and the configuration and logger they produce.</summary>
public sealed class GlobalOptions
{
    public Option<string?> ConfigFile { get; } = new("--config")
    {
        Description = "A HOCON file layered over the built-in reference.conf (e.g. hocon/tsar-2x2.conf) [default: none, reference.conf alone]",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one setting, e.g. --set actorhyper.machine.mesh.x=2 (repeatable; applied in order, last) [default: none]",
        HelpName = "PATH=VALUE",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log at debug level or lower, whatever actorhyper.log.level says [default: off: actorhyper.log.level, warning]",
        Recursive = true,
    };

    public GlobalOptions()
    {
        // ZeroOrMore lets '--set' stand last with nothing after it: refuse that here, with what it needs.
        Set.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError("--set needs a value: PATH=VALUE, e.g. --set actorhyper.machine.mesh.x=2.");
            }
        });
    }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(ConfigFile);
        root.Options.Add(Set);
        root.Options.Add(Verbose);
    }

    /// <summary>Loads, binds and checks the configuration the command line names; warnings go to <paramref name="error"/>.</summary>
    /// <exception cref="HoconException">A syntax, include or substitution problem, positioned.</exception>
    /// <exception cref="ConfigurationException">A value of the wrong type or out of range, positioned.</exception>
    public (Config Tree, ActorHyperOptions Options) LoadConfiguration(ParseResult parsed, TextWriter error)
    {
        var tree = ConfigurationLoader.Load(parsed.GetValue(ConfigFile), parsed.GetValue(Set) ?? []);
        foreach (var warning in ConfigurationLoader.UnknownSettings(tree))
        {
            error.WriteLine($"actorhyper: warning: {warning}");
        }

        return (tree, OptionsBinder.Bind(tree));
    }

    /// <summary>The program's logger, at the configured level (or debug with --verbose), writing to <paramref name="error"/>.</summary>
    /// <param name="quietest">
    /// For a command that runs many schedules (explore): the level the logger is at least at unless
    /// --verbose, as a failed boot's warning, once per schedule and per shrinking replay, would bury the report.
    /// </param>
    public ILogger CreateLogger(ParseResult parsed, ActorHyperOptions options, TextWriter error, LogEventLevel quietest = LogEventLevel.Verbose)
    {
        var configured = OptionsBinder.ToLogLevel(options.Log.Level);
        var verbose = parsed.GetValue(Verbose);
        return HostLogging.Create(verbose || configured > quietest ? configured : quietest, verbose, options.Runtime.ExecutionMode, error);
    }

    /// <summary>The layers in the order they were merged, as their origins: what --verbose shows.</summary>
    public IReadOnlyList<string> Layers(ParseResult parsed) =>
        [.. ConfigurationLoader.Sources(parsed.GetValue(ConfigFile), parsed.GetValue(Set) ?? []).Select(s => s.Origin)];
}
