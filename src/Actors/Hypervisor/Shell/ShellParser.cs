using System.Globalization;
using ActorHyper.Hocon;

namespace ActorHyper.Actors.Hypervisor.Shell;

/// <summary>
/// Parses one shell line into a <see cref="ShellCommand"/>: a command word, then options, each
/// <c>-name value</c>, in any order. Every problem is one line naming the command and the option
/// (unknown command or option, a missing or non-numeric value, an option given twice); range checks
/// that need the machine (cluster counts, instance numbers) are the hypervisor's.
/// </summary>
public static class ShellParser
{
    public static IReadOnlyList<string> CommandNames { get; } = ["run", "ps", "kill", "map", "tty", "wait", "help"];

    /// <summary>The help text, one command per line.</summary>
    public static IReadOnlyList<string> Help { get; } =
    [
        "run -nc N -i I       launch instance I on N clusters (IOC channel I, the lowest free TTY/FB channel)",
        "ps                   list the instances: state, clusters, channels, cores",
        "kill -i I            stop instance I and return its clusters and channels",
        "map                  show who owns each cluster",
        "tty -i I [-s SUB]    show what instance I wrote on TTY sub-channel SUB (0..3, default 0)",
        "wait [-i I] [-t T]   wait until instance I (or every instance) is Running or Failed, at most T (e.g. 10s)",
        "help                 this list",
    ];

    /// <summary>The command, or a one-line error.</summary>
    public static ShellParse Parse(string? line)
    {
        var text = (line ?? "").Trim();
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return ShellParse.Error(text, "empty command (try 'help')");
        }
        var name = words[0];
        var arguments = words.AsSpan(1).ToArray();
        return name switch
        {
            "run" => Options(text, name, arguments, ["-nc", "-i"], options =>
                Required(options, "-nc", out var clusters) ?? Required(options, "-i", out var instance)
                ?? (object)new RunCommand(text, clusters, instance)),
            "kill" => Options(text, name, arguments, ["-i"], options =>
                Required(options, "-i", out var instance) ?? (object)new KillCommand(text, instance)),
            "tty" => Options(text, name, arguments, ["-i", "-s"], options =>
                Required(options, "-i", out var instance) ?? Optional(options, "-s", out var sub)
                ?? (sub is < 0 or > 3 ? $"-s must be a sub-channel between 0 and 3, got {sub}" : (object)new TtyCommand(text, instance, sub ?? 0))),
            "wait" => Options(text, name, arguments, ["-i", "-t"], options =>
                Optional(options, "-i", out var instance) ?? Timeout(options, out var timeout) ?? (object)new WaitCommand(text, instance, timeout)),
            "ps" => NoArguments(text, name, arguments, new PsCommand(text)),
            "map" => NoArguments(text, name, arguments, new MapCommand(text)),
            "help" => NoArguments(text, name, arguments, new HelpCommand(text)),
            _ => ShellParse.Error(text, $"unknown command '{name}' (commands: {string.Join(", ", CommandNames)})"),
        };
    }

    private static ShellParse NoArguments(string text, string name, string[] arguments, ShellCommand command) =>
        arguments.Length == 0 ? ShellParse.Ok(command) : ShellParse.Error(text, $"{name} takes no arguments, got '{string.Join(" ", arguments)}'");

    /// <summary>Collects <c>-name value</c> pairs, then builds the command (or an error string) from them.</summary>
    private static ShellParse Options(string text, string name, string[] arguments, string[] known, Func<Dictionary<string, string>, object> build)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i += 2)
        {
            var option = arguments[i];
            if (!known.Contains(option))
            {
                return ShellParse.Error(text, option.StartsWith('-')
                    ? $"{name}: unknown option '{option}' (options: {string.Join(" ", known)})"
                    : $"{name}: unexpected '{option}' (options: {string.Join(" ", known)})");
            }
            if (i + 1 >= arguments.Length)
            {
                return ShellParse.Error(text, $"{name}: {option} needs a value");
            }
            if (!options.TryAdd(option, arguments[i + 1]))
            {
                return ShellParse.Error(text, $"{name}: {option} is given twice");
            }
        }
        return build(options) switch
        {
            ShellCommand command => ShellParse.Ok(command),
            string problem => ShellParse.Error(text, $"{name}: {problem}"),
            var other => throw new InvalidOperationException($"a command builder returned {other}"),
        };
    }

    private static string? Required(Dictionary<string, string> options, string option, out int value)
    {
        value = 0;
        if (!options.TryGetValue(option, out var text))
        {
            return $"missing {option}";
        }
        return Number(option, text, out value);
    }

    private static string? Optional(Dictionary<string, string> options, string option, out int? value)
    {
        value = null;
        if (!options.TryGetValue(option, out var text))
        {
            return null;
        }
        var problem = Number(option, text, out var number);
        value = number;
        return problem;
    }

    private static string? Number(string option, string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            ? null
            : $"{option} needs a number, got '{text}'";

    private static string? Timeout(Dictionary<string, string> options, out TimeSpan? timeout)
    {
        timeout = null;
        if (!options.TryGetValue("-t", out var text))
        {
            return null;
        }
        // A bare number would be milliseconds in HOCON: too easy to misread at a prompt, so a unit is required.
        if (text.All(char.IsAsciiDigit) || !HoconUnits.TryParseDuration(text, out var duration, out _))
        {
            return $"-t needs a duration with a unit, such as 10s or 500ms, got '{text}'";
        }
        if (duration <= TimeSpan.Zero)
        {
            return $"-t must be positive, got '{text}'";
        }
        timeout = duration;
        return null;
    }
}
