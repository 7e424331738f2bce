namespace ActorHyper.Host;

/// <summary>
/// Where a command reads and writes, and whether each end is a terminal: pictures, colours, a
/// prompt and line editing only where a person looks; plain text to a pipe or a file.
/// </summary>
public sealed record HostConsole(TextWriter Output, TextWriter Error, TextReader Input, bool OutputIsTerminal, bool InputIsTerminal)
{
    /// <summary>The process's own console.</summary>
    public static HostConsole System() =>
        new(Console.Out, Console.Error, Console.In, !Console.IsOutputRedirected, !Console.IsInputRedirected);

    /// <summary>Streams that are not terminals (tests, pipes); no input unless given.</summary>
    public static HostConsole Redirected(TextWriter output, TextWriter error, TextReader? input = null) =>
        new(output, error, input ?? TextReader.Null, false, false);
}
