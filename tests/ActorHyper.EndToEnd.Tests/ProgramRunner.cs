using System.Diagnostics;

namespace ActorHyper.EndToEnd.Tests;

/// <summary>Runs the built <c>actorhyper</c> program as a separate process, as a user would.</summary>
internal static class ProgramRunner
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
    /// escape codes and all. <paramref name="keys"/> are typed (each line ended by Enter) and the
    /// input is kept open until the program ends, as a person's terminal is.
    /// </summary>
    public static (int Code, string Out) RunInTerminal(IEnumerable<string> keys, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", Program }.Concat(args).Select(Quote));
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

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start script");
        foreach (var line in keys)
        {
            process.StandardInput.Write(line + "\r");
        }

        process.StandardInput.Flush();
        var (code, output, _) = Finish(process, args);
        return (code, output);
    }

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
