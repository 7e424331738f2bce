using System.Globalization;
using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Hardware.Faults;

namespace ActorHyper.Host.Exploring;

/// <summary>
/// Reads a fault spec: items separated by commas (blank around them ignored); empty or <c>none</c>
/// is no faults. An item is <c>KIND:P</c> (ipi-lost, ipi-dup, ioc-read-error, dma-fault),
/// <c>KIND:P:DURATION</c> (ipi-delay, core-stall: how long, a whole number of us, ms or s), or
/// <c>command@step=N:COMMAND</c> (a shell command, checked by the shell's parser, typed once the run
/// has made N deliveries). P is a chance in [0, 1] at each opportunity; each kind comes at most once,
/// and the kinds decided at one point (the three IPI kinds) must not add up to more than 1.
/// </summary>
public static class FaultSpecParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="origin"/> names it in errors (<c>--faults</c>, a file and line).</summary>
    /// <exception cref="FaultSpecException">The first problem: <c>ORIGIN: item N 'ITEM': what is wrong</c>.</exception>
    public static FaultSpec Parse(string? text, string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return TryParse(text, out var spec, out var problem) ? spec : throw new FaultSpecException($"{origin}: {problem}");
    }

    public static bool TryParse(string? text, out FaultSpec spec, out string problem)
    {
        spec = FaultSpec.None;
        problem = "";
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 || trimmed == "none")
        {
            return true;
        }

        var rules = new List<FaultRule>();
        var commands = new List<CommandAtStep>();
        var items = trimmed.Split(',');
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            var where = $"item {i + 1} '{item}'";
            if (item.Length == 0)
            {
                problem = $"item {i + 1} is empty (items are separated by single commas)";
                return false;
            }

            if (item.StartsWith("command@", StringComparison.Ordinal))
            {
                if (Command(item) is { Problem: { } wrong })
                {
                    problem = $"{where}: {wrong}";
                    return false;
                }

                commands.Add(Command(item).Command!);
                continue;
            }

            if (Rule(item, out var rule) is { } wrongRule)
            {
                problem = $"{where}: {wrongRule}";
                return false;
            }

            if (rules.Any(r => r.Kind == rule!.Kind))
            {
                problem = $"{where}: {FaultKinds.NameOf(rule!.Kind)} is given twice";
                return false;
            }

            rules.Add(rule!);
        }

        foreach (var point in rules.GroupBy(static r => FaultKinds.PointOf(r.Kind)))
        {
            if (point.Sum(static r => r.Probability) > 1 + 1e-12)
            {
                problem = $"the chances of {string.Join(" + ", point.Select(static r => FaultKinds.NameOf(r.Kind)))} add up to more than 1 " +
                          "(they are decided by one draw)";
                return false;
            }
        }

        spec = new FaultSpec(new FaultRules(rules), commands);
        return true;
    }

    /// <summary>A <c>command@step=N:COMMAND</c> item (a spec's or a trace's).</summary>
    public static (CommandAtStep? Command, string? Problem) Command(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.StartsWith(CommandAtStep.Prefix, StringComparison.Ordinal))
        {
            return (null, $"a command is command@step=N:COMMAND");
        }

        var rest = item[CommandAtStep.Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (null, "a command is command@step=N:COMMAND (no ':' before the command)");
        }

        if (!long.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var step))
        {
            return (null, $"step '{rest[..colon]}' is not a whole number");
        }

        var command = rest[(colon + 1)..].Trim();
        var parsed = ShellParser.Parse(command);
        return parsed.Problem is { } wrong ? (null, $"command '{command}': {wrong}") : (new CommandAtStep(step, command), null);
    }

    private static string? Rule(string item, out FaultRule? rule)
    {
        rule = null;
        var parts = item.Split(':');
        if (!FaultKinds.TryParse(parts[0], out var kind))
        {
            return $"'{parts[0]}' is not a fault kind: {string.Join(", ", FaultKinds.Names)}, or command@step=N:COMMAND";
        }

        var name = FaultKinds.NameOf(kind);
        var wanted = FaultKinds.HasDuration(kind) ? 3 : 2;
        if (parts.Length != wanted)
        {
            return FaultKinds.HasDuration(kind) ? $"{name} is {name}:P:DURATION (a chance and a duration: {name}:0.01:50us)" : $"{name} is {name}:P (a chance: {name}:0.01)";
        }

        if (!double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var probability) || probability > 1)
        {
            return $"chance '{parts[1]}' is not a number from 0 to 1";
        }

        var duration = TimeSpan.Zero;
        if (wanted == 3 && !InjectedFault.TryParseDuration(parts[2], out duration))
        {
            return $"duration '{parts[2]}' is not a whole number of us, ms or s (50us, 1ms, 2s), from 1us to a day";
        }

        rule = new FaultRule(kind, probability, duration);
        return null;
    }
}
