using System.Globalization;
using System.Text;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Soak;

/// <summary>
/// From a soak's finding to an exploration: the commands that were in flight around it, for the
/// instances it concerns, as a scenario file (<see cref="ScenarioParser"/>'s format) whose lines join
/// with <c> &amp; </c> the commands that overlapped in time. <c>explore --scenario FILE</c> then searches
/// the same situation under control: real threads find, the controlled run explains.
/// </summary>
public static class SoakScenario
{
    /// <summary>How many of each concerned instance's last commands (its launch, the kill before it, the launch before that...).</summary>
    private const int OwnCommands = 4;

    /// <summary>How many commands of other instances that raced those are kept, the latest.</summary>
    private const int Racing = 8;

    /// <summary>With no instance concerned, how far back the last commands are taken from.</summary>
    private const double Window = 2;

    /// <summary>
    /// The scenario's lines: the last launches and kills of <paramref name="instances"/> typed before
    /// <paramref name="at"/>, the commands of other instances that overlapped one of them in time (not
    /// transitively: at a few commands in flight everything overlaps something), a kill only with its
    /// launch, grouped by overlap; a <c>wait</c> last. With no instance concerned, the last commands before it.
    /// </summary>
    public static IReadOnlyList<string> Lines(IEnumerable<SoakOperation> history, IReadOnlySet<int> instances, double at)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(instances);
        var typed = history.Where(op => op.Kind != SoakOperationKind.Wait && op.StartedAt <= at).ToList();
        var chosen = new HashSet<SoakOperation>();
        foreach (var id in instances)
        {
            chosen.UnionWith(typed.Where(op => op.Instance == id).TakeLast(OwnCommands));
        }

        if (chosen.Count == 0)
        {
            chosen.UnionWith(typed.Where(op => op.Overlaps(at - Window, at)).TakeLast(OwnCommands * 2));
        }

        var own = chosen.ToList();
        chosen.UnionWith(typed.Where(op => !own.Contains(op) && own.Exists(c => op.Overlaps(c.StartedAt, c.EndedAt ?? at))).TakeLast(Racing));

        // A kill needs its instance launched first: a scenario that starts with its kill explores nothing.
        var launched = new HashSet<int>(chosen.Where(static op => op.Kind == SoakOperationKind.Run).Select(static op => op.Instance));
        chosen.RemoveWhere(op => op.Kind == SoakOperationKind.Kill && !launched.Contains(op.Instance));

        var lines = new List<string>();
        var group = new List<SoakOperation>();
        var groupEnd = double.MinValue;
        foreach (var op in chosen.OrderBy(static op => op.StartedAt))
        {
            if (group.Count > 0 && op.StartedAt > groupEnd)
            {
                lines.Add(string.Join(ScenarioParser.Together, group.Select(static g => g.Command)));
                group.Clear();
                groupEnd = double.MinValue;
            }

            group.Add(op);
            groupEnd = Math.Max(groupEnd, op.EndedAt ?? at);
        }

        if (group.Count > 0)
        {
            lines.Add(string.Join(ScenarioParser.Together, group.Select(static g => g.Command)));
        }

        if (lines.Count > 0)
        {
            lines.Add("wait");
        }

        return lines;
    }

    /// <summary>Writes the scenario to a new file in <paramref name="directory"/>; returns its path, or null when there is nothing to write.</summary>
    public static string? Write(string directory, string name, IReadOnlyList<string> lines, string? configFile, IReadOnlyList<string> header,
        IReadOnlyList<string> exploreArguments)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".scenario");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{name}-{n}.scenario"));
        }

        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append("# ").AppendLine(line);
        }

        text.Append("# explore it: actorhyper explore --scenario ").Append(path);
        foreach (var argument in exploreArguments)
        {
            text.Append(' ').Append(argument);
        }

        text.AppendLine();
        if (configFile is not null)
        {
            text.Append("config: ").AppendLine(Path.GetFullPath(configFile));
        }

        foreach (var line in lines)
        {
            text.AppendLine(line);
        }

        File.WriteAllText(path, text.ToString());

        // What the soak writes, explore must read: a scenario it cannot parse is the soak's own bug.
        _ = ScenarioParser.ReadFile(path);
        return path;
    }
}
