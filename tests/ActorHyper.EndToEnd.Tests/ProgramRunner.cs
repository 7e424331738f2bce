using System.Diagnostics;

namespace ActorHyper.EndToEnd.Tests;

/// <summary>Runs the built <c>actorhyper</c> program as a separate process, as a user would.</summary>
internal static class ProgramRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "actorhyper.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start actorhyper");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"actorhyper {string.Join(' ', args)} did not finish within 2 minutes");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
