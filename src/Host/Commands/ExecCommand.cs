using System.CommandLine;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Commands;

/// <summary>
/// <c>actorhyper exec [--json] [--script FILE] [--seed S] [--controlled] CMD ...</c>: starts the
/// configured machine, types each command at the hypervisor's shell in order, and prints each reply.
/// </summary>
public static class ExecCommand
{
    public static Command Create(GlobalOptions global, TextWriter output, TextWriter error)
    {
        var commands = new Argument<string[]>("CMD")
        {
            Description = "Shell commands, one per argument (quote each: \"run -nc 2 -i 6\"); run after the script's",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line per command instead of text" };
        var script = new Option<string?>("--script")
        {
            Description = "A file of shell commands, one per line ('#' comments and blank lines skipped), run before the CMD arguments",
            HelpName = "FILE",
        };
        var run = new RunOptions();
        var exec = new Command("exec", "Run hypervisor shell commands in order on the configured machine and print each result " +
            "(exit 0: all succeeded; 1: one was refused or an instance failed; 2: usage)");
        exec.Arguments.Add(commands);
        exec.Options.Add(json);
        exec.Options.Add(script);
        run.AddTo(exec);
        exec.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            IReadOnlyList<string> scriptLines = [];
            if (parsed.GetValue(script) is { } scriptFile && !TryReadScript(scriptFile, out scriptLines, out var problem))
            {
                error.WriteLine($"actorhyper: {scriptFile}: {problem}");
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
            var logger = global.CreateLogger(parsed, options, error);
            using var session = HypervisorSession.Start(options, logger);
            var asJson = parsed.GetValue(json);
            var allSucceeded = true;
            foreach (var line in lines)
            {
                var reply = session.Execute(line);
                allSucceeded &= reply.Succeeded;
                if (asJson)
                {
                    output.WriteLine(ReplyJson.Line(reply));
                }
                else
                {
                    foreach (var text in ReplyText.Transcript(reply))
                    {
                        output.WriteLine(text);
                    }
                }
            }

            return allSucceeded && !session.AnyInstanceFailed() ? 0 : CommandErrors.RunFailed;
        }));
        return exec;
    }

    /// <summary>The script's commands: its lines but blank ones and <c>#</c> comments; or why the file cannot be read.</summary>
    internal static bool TryReadScript(string path, out IReadOnlyList<string> commands, out string problem)
    {
        commands = [];
        problem = "";
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
