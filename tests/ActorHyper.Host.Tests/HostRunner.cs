using ActorHyper.Host;

namespace ActorHyper.Host.Tests;

/// <summary>Runs the command line in-process with captured output and error streams.</summary>
internal static class HostRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    /// <summary>The same, with <paramref name="input"/> as standard input (a pipe, not a terminal).</summary>
    public static (int Code, string Out, string Err) RunWithInput(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = CommandLineApp.Run(args, output, error, reader);
        return (code, output.ToString(), error.ToString());
    }
}
