using System.CommandLine;
using System.CommandLine.Help;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Host.Commands;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host;

/// <summary>The <c>actorhyper</c> command line: parses arguments and runs one command.</summary>
public static class CommandLineApp
{
    /// <summary>Exit code of a usage error (unknown command or option, missing value).</summary>
    public const int UsageError = 2;

    /// <summary>Runs with streams that are not terminals (tests, pipes).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, TextReader? input = null) =>
        Run(args, HostConsole.Redirected(output, error, input), hooks: null);

    public static int Run(IReadOnlyList<string> args, HostConsole console) => Run(args, console, hooks: null);

    /// <summary>The same, with tests' monitors added to every machine <c>explore</c> and <c>replay</c> build.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, ExplorationHooks? hooks) =>
        Run(args, HostConsole.Redirected(output, error, null), hooks);

    private static int Run(IReadOnlyList<string> args, HostConsole console, ExplorationHooks? hooks)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (output, error) = (console.Output, console.Error);
        var root = BuildRoot(console, hooks);
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

        var code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        if (parsed.Action is HelpAction && parsed.CommandResult.Command.Name is "exec" or "shell")
        {
            // The commands these type at the hypervisor: their syntax is the shell's, not options of the program.
            output.WriteLine("Shell commands (help COMMAND in the shell shows each one's options and defaults):");
            foreach (var line in ShellParser.Help)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        return code;
    }

    private static RootCommand BuildRoot(HostConsole console, ExplorationHooks? hooks)
    {
        var (output, error) = (console.Output, console.Error);
        var root = new RootCommand(
            "ActorHyper: an actor-based simulation of a partitioning hypervisor booting guest instances on a manycore chip.");
        var global = new GlobalOptions();
        global.AddTo(root);
        root.Subcommands.Add(ConfigShowCommand.Create(global, output, error));
        root.Subcommands.Add(ExecCommand.Create(global, console));
        root.Subcommands.Add(DemoCommand.Create(global, console));
        root.Subcommands.Add(InteractiveShellCommand.Create(global, console));
        root.Subcommands.Add(ExploreCommand.Create(global, output, error, hooks, console.OutputIsTerminal));
        root.Subcommands.Add(ReplayCommand.Create(global, output, error, hooks));
        root.Subcommands.Add(SoakCommand.Create(global, console));
        return root;
    }
}
