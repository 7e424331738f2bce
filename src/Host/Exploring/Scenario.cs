namespace ActorHyper.Host.Exploring;

/// <summary>
/// What an exploration runs on every schedule: lines of shell commands, each line's commands issued
/// at once (one command: typed and answered before the next line), and optionally the machine
/// preset it is meant for (<c>config:</c>), a configuration layer under <c>--config</c>.
/// </summary>
/// <param name="Name">The built-in name, or the file as given.</param>
/// <param name="ConfigPreset">The preset file's path, as resolved (relative to the scenario file, else as written); null: none.</param>
/// <param name="Lines">The command lines in order; each holds one command or several issued together.</param>
public sealed record Scenario(string Name, string? ConfigPreset, IReadOnlyList<IReadOnlyList<string>> Lines)
{
    /// <summary>The scenario as text, one line per command line, <c> &amp; </c> between commands issued together.</summary>
    public IReadOnlyList<string> Text => [.. Lines.Select(static line => string.Join(ScenarioParser.Together, line))];
}
