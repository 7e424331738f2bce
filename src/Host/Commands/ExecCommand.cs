using System.CommandLine;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Commands;

/// <summary>
/// <c>actorhyper exec [--json] [--script FILE] [--seed S] [--controlled] CMD ...</c>: starts the
/// configured machine, types each command at the hypervisor's shell in order, and prints each reply.
/// </summary>
public static class ExecCommand
{
    public static Command Create(GlobalOptions global, HostConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var (output, error) = (console.Output, console.Error);
        var commands = new Argument<string[]>("CMD")
        {
            Description = "Shell commands, one per argument (quote each: \"run -nc 2 -i 6\"); run after the script's (the list is below)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // No shell command starts with '-': such a word is an option exec does not have, or an unquoted command's option.
        commands.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } stray)
            {
                result.AddError($"Unrecognized option '{stray.Value}' (quote each shell command as one argument, e.g. \"run -nc 2 -i 6\").");
            }
        });
        var display = new DisplayOptions();
        var script = new Option<string?>("--script")
        {
            Description = "A file of shell commands, one per line ('#' comments and blank lines skipped), run before the CMD arguments [default: none]",
            HelpName = "FILE",
        };
        var trace = new Option<bool>("--trace")
        {
            Description = "After the commands, print the controlled run's seed, steps, virtual time and trace hash (needs --controlled or actorhyper.runtime.mode = controlled) [default: off]",
        };
        var run = new RunOptions();
        var exec = new Command("exec", "Run hypervisor shell commands in order on the configured machine and print each result " +
            "(exit 0: all succeeded; 1: one was refused or an instance failed; 2: usage)");
        exec.Arguments.Add(commands);
        display.AddTo(exec);
        exec.Options.Add(script);
        exec.Options.Add(trace);
        run.AddTo(exec);
        exec.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            IReadOnlyList<string> scriptLines = [];
            if (parsed.GetValue(script) is { } scriptFile && !TryReadScript(scriptFile, out scriptLines, out var problem))
            {
                error.WriteLine($"actorhyper: {(string.IsNullOrWhiteSpace(scriptFile) ? "--script" : scriptFile)}: {problem}");
                return CommandLineApp.UsageError;
            }

            var lines = scriptLines.Concat(parsed.GetValue(commands) ?? []).ToList();
            if (lines.Count == 0)
            {
                error.WriteLine("actorhyper: exec needs at least one shell command, as an argument or in a --script file");
                return CommandLineApp.UsageError;
            }

            var (_, options) = global.LoadConfiguration(parsed, error);
            run.Apply(parsed, options.Runtime);
            if (parsed.GetValue(trace) && options.Runtime.Mode != "controlled")
            {
                error.WriteLine("actorhyper: --trace needs a controlled run: add --controlled (or set actorhyper.runtime.mode = controlled)");
                return CommandLineApp.UsageError;
            }

            var logger = global.CreateLogger(parsed, options, error);
            using var session = HypervisorSession.Start(options, logger);
            var view = new ConsoleView(output, display.Pictures(parsed, console), parsed.GetValue(display.Json));
            return Run(session, lines, view, parsed.GetValue(trace));
        }));
        return exec;
    }

    /// <summary>
    /// Executes <paramref name="commands"/> in order, printing each reply as text or a JSON line:
    /// 0 if every one succeeded and no instance is Failed afterwards, otherwise 1.
    /// </summary>
    internal static int Run(HypervisorSession session, IReadOnlyList<string> commands, bool json, TextWriter output, bool trace = false) =>
        Run(session, commands, new ConsoleView(output, pictures: false, json), trace);

    /// <summary>The same, shown in <paramref name="view"/>; an <c>exit</c> ends the list there.</summary>
    internal static int Run(HypervisorSession session, IReadOnlyList<string> commands, ConsoleView view, bool trace = false)
    {
        var allSucceeded = true;
        using var console = new ConsoleCommands(session, view);
        foreach (var command in commands)
        {
            var outcome = console.Run(command, echo: true);
            if (outcome == CommandOutcome.Exit)
            {
                break;
            }

            allSucceeded &= outcome == CommandOutcome.Succeeded;
        }

        // Evaluated even when a command was refused: the silent ps is part of every run.
        var anyFailed = session.AnyInstanceFailed();
        if (trace && session.Driver is { } driver)
        {
            var summary = TraceSummary.Of(driver);
            view.Line(view.Json ? summary.Json() : summary.Text);
        }

        return allSucceeded && !anyFailed ? 0 : CommandErrors.RunFailed;
    }

    /// <summary>The script's commands: its lines but blank ones and <c>#</c> comments; or why the file cannot be read.</summary>
    internal static bool TryReadScript(string path, out IReadOnlyList<string> commands, out string problem)
    {
        commands = [];
        problem = "";
        if (string.IsNullOrWhiteSpace(path))
        {
            problem = "the file name is empty";
            return false;
        }

        // Reading a directory fails with "access denied", which would send the user after permissions.
        if (Directory.Exists(path))
        {
            problem = "is a directory, not a script file";
            return false;
        }

        try
        {
            commands = [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = "script file not found";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"cannot read the script file: {e.Message}";
        }

        return false;
    }
}
