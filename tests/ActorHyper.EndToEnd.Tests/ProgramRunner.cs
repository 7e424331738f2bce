using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ActorHyper.EndToEnd.Tests;

/// <summary>Runs the built <c>actorhyper</c> program as a separate process, as a user would.</summary>
internal static partial class ProgramRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static string Program => Path.Combine(AppContext.BaseDirectory, "actorhyper.dll");

    public static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    /// <summary>The program with <paramref name="input"/> on its standard input (a pipe), closed after it.</summary>
    public static (int Code, string Out, string Err) RunWithInput(string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start actorhyper");
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        return Finish(process, args);
    }

    /// <summary>
    /// The program on a pseudo-terminal, through util-linux's <c>script</c>: what it writes there,
    /// escape codes and all. Each of <paramref name="keys"/> is typed (then Enter) once the program
    /// shows its next prompt, as a person would, and the input stays open until the program ends.
    /// </summary>
    public static (int Code, string Out) RunInTerminal(IEnumerable<string> keys, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunInTerminal(keys.Select(k => (k, (string?)null)), environment, args);

    /// <summary>The same; a key with <c>After</c> is typed once that text is on the screen instead of at the next prompt.</summary>
    public static (int Code, string Out) RunInTerminal(
        IEnumerable<(string Keys, string? After)> keys, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // `exec`: script runs the command through $SHELL -c, and a shell that stays as the program's parent
        // (dash does) gets the typed Ctrl-C's SIGINT too and ends itself with 130 while the program goes on.
        var command = "exec " + string.Join(' ', new[] { "dotnet", Program }.Concat(args).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--quiet", "--flush", "--return", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        // A NO_COLOR in the test's own environment would turn the pictures off: the test says what the terminal is.
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start script");
        var screen = new StringBuilder();
        var changed = new SemaphoreSlim(0);
        var reader = Task.Run(() =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (screen)
                {
                    screen.Append(buffer, 0, read);
                }

                changed.Release();
            }

            changed.Release();
        });
        var deadline = DateTime.UtcNow + Limit;
        var prompts = 0;
        foreach (var (line, after) in keys)
        {
            if (after is null)
            {
                prompts++;
            }

            while ((after is null ? Prompts(screen) < prompts : !Shows(screen, after)) && !reader.IsCompleted)
            {
                if (!changed.Wait(deadline - DateTime.UtcNow))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"no prompt #{prompts} (or '{after}') within 2 minutes: {screen}");
                }
            }

            process.StandardInput.Write(line + "\r");
            process.StandardInput.Flush();
        }

        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"actorhyper {string.Join(' ', args)} did not finish within 2 minutes: {screen}");
        }

        reader.Wait(Limit);
        lock (screen)
        {
            return (process.ExitCode, screen.ToString());
        }
    }

    private static bool Shows(StringBuilder screen, string text)
    {
        lock (screen)
        {
            return screen.ToString().Contains(text, StringComparison.Ordinal);
        }
    }

    /// <summary>Prompts shown on a new line (redraws while a line is typed repeat it after a carriage return only).</summary>
    private static int Prompts(StringBuilder screen)
    {
        lock (screen)
        {
            return NewPrompt().Count(screen.ToString());
        }
    }

    [GeneratedRegex("\n\r(\u001b\\[1m)?actorhyper> ")]
    private static partial Regex NewPrompt();

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static (int Code, string Out, string Err) Finish(Process process, string[] args)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"actorhyper {string.Join(' ', args)} did not finish within 2 minutes");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
