namespace ActorHyper.Actors.Hypervisor.Shell;

/// <summary>
/// One shell command as <c>help</c> shows it: its name, its syntax, what it does, and for
/// <c>help COMMAND</c> the lines about its options (each with its default).
/// </summary>
public sealed record ShellCommandSpec(string Name, string Syntax, string Summary, IReadOnlyList<string> Details, string? AliasOf = null)
{
    /// <summary>Where the summaries start in the list, so they line up.</summary>
    private const int SummaryColumn = 24;

    /// <summary>The command's line in <c>help</c>: syntax, then the summary.</summary>
    public string HelpLine => Syntax.PadRight(SummaryColumn - 1) + " " + Summary;

    /// <summary>What <c>help COMMAND</c> shows.</summary>
    public IReadOnlyList<string> HelpPage => [HelpLine, .. Details.Select(line => "  " + line)];
}
