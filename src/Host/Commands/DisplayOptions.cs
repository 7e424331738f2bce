using System.CommandLine;

namespace ActorHyper.Host.Commands;

/// <summary>How results are shown: <c>--no-color</c> (and, for the commands that have it, <c>--json</c>).</summary>
public sealed class DisplayOptions
{
    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Plain text even on a terminal: no colours, pictures or progress bars (as when output goes to a pipe or a file; NO_COLOR does the same) [default: off: pictures on a terminal, plain text elsewhere]",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON object per line per command instead of text [default: off: text]",
    };

    public void AddTo(Command command, bool json = true)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(NoColor);
        if (json)
        {
            command.Options.Add(Json);
        }
    }

    /// <summary>Whether pictures and colours go to <paramref name="console"/>'s output: a terminal, and neither --no-color nor NO_COLOR.</summary>
    public bool Pictures(ParseResult parsed, HostConsole console)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(console);
        return console.OutputIsTerminal && !parsed.GetValue(NoColor) && !parsed.GetValue(Json)
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    }
}
