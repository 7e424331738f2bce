using ActorHyper.Host;

namespace ActorHyper.Host.Tests;

/// <summary>Runs the command line in-process with captured output and error streams.</summary>
internal static class HostRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLineApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
