using System.CommandLine;
using ActorHyper.Host.Commands;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host;

/// <summary>The <c>actorhyper</c> command line: parses arguments and runs one command.</summary>
public static class CommandLineApp
{
    /// <summary>Exit code of a usage error (unknown command or option, missing value).</summary>
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) => Run(args, output, error, null);

    /// <summary>The same, with tests' monitors added to every machine <c>explore</c> and <c>replay</c> build.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, ExplorationHooks? hooks)
    {
        var root = BuildRoot(output, error, hooks);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // "Required command was not provided" accompanies any unknown word at the root; the specific problem is enough.
            var problems = parsed.Errors.Select(e => e.Message).ToList();
            if (problems.Count > 1)
            {
                problems.RemoveAll(m => m.StartsWith("Required command", StringComparison.Ordinal));
            }

            // One line per problem, the pointer to the help on the last: no line without its problem.
            for (var i = 0; i < problems.Count; i++)
            {
                error.WriteLine($"actorhyper: {problems[i]}" + (i == problems.Count - 1 ? " See 'actorhyper --help'." : ""));
            }

            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static RootCommand BuildRoot(TextWriter output, TextWriter error, ExplorationHooks? hooks)
    {
        var root = new RootCommand(
            "ActorHyper: an actor-based simulation of a partitioning hypervisor booting guest instances on a manycore chip.");
        var global = new GlobalOptions();
        global.AddTo(root);
        root.Subcommands.Add(ConfigShowCommand.Create(global, output, error));
        root.Subcommands.Add(ExecCommand.Create(global, output, error));
        root.Subcommands.Add(DemoCommand.Create(global, output, error));
        root.Subcommands.Add(ExploreCommand.Create(global, output, error, hooks));
        root.Subcommands.Add(ReplayCommand.Create(global, output, error, hooks));
        return root;
    }
}
