using System.CommandLine;

namespace ActorHyper.Host.Commands;

/// <summary><c>actorhyper config show</c>: the fully resolved configuration as JSON.</summary>
public static class ConfigShowCommand
{
    public static Command Create(GlobalOptions global, TextWriter output, TextWriter error)
    {
        var show = new Command("show", "Print the fully resolved configuration (every key, after all layers) as JSON");
        show.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            var (tree, options) = global.LoadConfiguration(parsed, error);
            global.CreateLogger(parsed, options, error).Debug("Configuration merged from {Layers}", global.Layers(parsed));
            output.WriteLine(tree.ToJson());
            return 0;
        }));
        var config = new Command("config", "Inspect the configuration");
        config.Subcommands.Add(show);
        return config;
    }
}
