using ActorHyper.Actors.Hypervisor.Shell;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// Reads a scenario: one shell command per line; several on one line, joined by <c> &amp; </c>, are
/// issued at once; blank lines and <c>#</c> comments are skipped; before the first command,
/// <c>config: FILE</c> names the machine preset (a HOCON file, relative to the scenario's directory
/// if it is there, else as written). Every command is checked by the shell's own parser, so a typo is
/// an error at its line before any machine is built.
/// </summary>
public static class ScenarioParser
{
    public const string Together = " & ";

    private const string ConfigHeader = "config:";

    /// <summary>Parses the text of a scenario named <paramref name="origin"/> (for errors) found in <paramref name="directory"/> (for its preset).</summary>
    /// <exception cref="ScenarioException">The first problem, with its line.</exception>
    public static Scenario Parse(string text, string origin, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        string? preset = null;
        var lines = new List<IReadOnlyList<string>>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith(ConfigHeader, StringComparison.OrdinalIgnoreCase))
            {
                if (lines.Count > 0)
                {
                    throw Problem(origin, number, "'config:' comes before the first command");
                }

                if (preset is not null)
                {
                    throw Problem(origin, number, "a second 'config:' line (one preset per scenario)");
                }

                preset = ResolvePreset(line[ConfigHeader.Length..].Trim(), origin, number, directory);
                continue;
            }

            var commands = line.Split('&').Select(static c => c.Trim()).ToList();
            for (var i = 0; i < commands.Count; i++)
            {
                if (commands[i].Length == 0)
                {
                    throw Problem(origin, number, commands.Count == 1 ? "an empty command" : $"command {i + 1} of the line is empty (' & ' joins two commands)");
                }

                var parse = ShellParser.Parse(commands[i]);
                if (parse.Command is null)
                {
                    throw Problem(origin, number, $"'{commands[i]}': {parse.Problem ?? "not a shell command"}");
                }
            }

            lines.Add(commands);
        }

        if (lines.Count == 0)
        {
            throw new ScenarioException($"scenario {origin}: no command (one shell command per line, '#' comments)");
        }

        return new Scenario(origin, preset, lines);
    }

    /// <summary>Reads the scenario file <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The file cannot be read, or its first problem, with its line.</exception>
    public static Scenario ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException($"scenario {path}: is a directory, not a scenario file");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException($"scenario {path}: no such file, and not a built-in scenario ({string.Join(", ", BuiltInScenarios.Names)})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException($"scenario {path}: cannot be read: {e.Message}", e);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    private static string ResolvePreset(string file, string origin, int number, string? directory)
    {
        if (file.Length == 0)
        {
            throw Problem(origin, number, "'config:' names no file (e.g. config: hocon/tsar-2x2.conf)");
        }

        var beside = directory is null ? null : Path.Combine(directory, file);
        // Kept absolute: a trace file names it, and is replayed from anywhere.
        var found = beside is not null && File.Exists(beside) ? Path.GetFullPath(beside) : File.Exists(file) ? Path.GetFullPath(file) : null;
        return found ?? throw Problem(origin, number, $"config: {file}: no such file" +
            (beside is null ? "" : $" (looked beside the scenario and in {Directory.GetCurrentDirectory()})"));
    }

    private static ScenarioException Problem(string origin, int line, string what) => new($"scenario {origin}:{line}: {what}");
}
