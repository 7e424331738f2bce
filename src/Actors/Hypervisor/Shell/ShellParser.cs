using System.Globalization;
using ActorHyper.Hocon;

namespace ActorHyper.Actors.Hypervisor.Shell;

/// <summary>
/// Parses one shell line into a <see cref="ShellCommand"/>: a command word, then options, each
/// <c>-name value</c> (or a flag such as <c>-f</c>), in any order. Every problem is one line naming
/// the command and the option (unknown command or option, a missing or non-numeric value, an option
/// given twice); range checks that need the machine (cluster counts, instance numbers) are the hypervisor's.
/// </summary>
public static class ShellParser
{
    /// <summary>The longest <c>wait -t</c>: Akka's scheduler takes delays of up to 2^31-1 ms (24.8 days).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(24);

    /// <summary>Every command, in the order <c>help</c> lists them; aliases name the command they stand for.</summary>
    public static IReadOnlyList<ShellCommandSpec> Commands { get; } =
    [
        new("run", "run -nc N -i I", "launch instance I on N clusters (IOC channel I, the lowest free TTY/FB channel)",
            ["-nc N  how many clusters (no default)", "-i I   the instance number, which is its IOC channel (no default)",
                "answered once the instance is Booting; `wait -i I` waits until it runs"]),
        new("ps", "ps", "list the instances: state, clusters, channels, cores",
            ["the instances that hold resources; the clusters column gives a count and a range past 3 clusters"]),
        new("list", "list", "the same as ps (virsh list, jailhouse cell list)", [], "ps"),
        new("kill", "kill -i I", "stop instance I and return its clusters and channels",
            ["-i I   the instance (no default)", "its cores park, its HATs, routes, devices and RAM are reset, then everything returns to the pools"]),
        new("destroy", "destroy -i I", "the same as kill (virsh destroy, jailhouse cell destroy)", [], "kill"),
        new("map", "map [--png FILE]", "show who owns each cluster",
            ["one cell per cluster, y up, x right: HV the hypervisor's, . free, otherwise the instance's number; * marks the I/O cluster",
                "--png FILE  also write the map as a PNG: a square per cluster in its instance's colour (default: the map on the screen only)"]),
        new("tty", "tty -i I [-s SUB] [-f]", "show what instance I wrote on TTY sub-channel SUB (0..3, default 0)",
            ["-i I    the instance (no default)", "-s SUB  the sub-channel, 0..3 (default 0: the boot console)",
                "-f      follow: keep showing new lines, until Ctrl-C at a terminal, until the instance has settled from a pipe (default off)"]),
        new("console", "console -i I", "follow instance I's console live (tty -i I -f; jailhouse console, virsh console)", [], "tty"),
        new("wait", "wait [-i I] [-t T]", "wait until instance I (or every instance) is Running or Failed, at most T (default 30s)",
            ["-i I  the instance (default: every instance)",
                "-t T  how long at most, with a unit: 500ms, 10s, 2m (default actorhyper.hypervisor.wait-timeout, 30s; at most 24d; virtual time when controlled)"]),
        new("info", "info -i I", "show instance I: allocation, launch steps with their times, each core's state, its HAT table",
            ["-i I  the instance (no default); virsh dominfo, jailhouse cell stats"]),
        new("timeline", "timeline -i I", "show instance I's boot steps with the time each was done",
            ["-i I  the instance (no default); times from the first step (virtual time when controlled)"]),
        new("fb", "fb -i I [--png FILE]", "show what instance I painted on its frame buffer",
            ["-i I          the instance (no default)", "--png FILE    write the frame as a PNG file (default: show it; the console writes the file)"]),
        new("help", "help [COMMAND]", "this list, or one command's options and defaults", []),
        new("exit", "exit", "leave the console (end of input does too)", []),
    ];

    /// <summary>Every command word, aliases included.</summary>
    public static IReadOnlyList<string> CommandNames { get; } = [.. Commands.Select(c => c.Name)];

    /// <summary>The help text, one command per line.</summary>
    public static IReadOnlyList<string> Help { get; } = [.. Commands.Select(c => c.HelpLine)];

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
            "run" => Options(text, name, arguments, ["-nc", "-i"], [], options =>
                Required(options, "-nc", out var clusters) ?? Required(options, "-i", out var instance)
                ?? (object)new RunCommand(text, clusters, instance)),
            "kill" or "destroy" => Options(text, name, arguments, ["-i"], [], options =>
                Required(options, "-i", out var instance) ?? (object)new KillCommand(text, instance)),
            "tty" => Options(text, name, arguments, ["-i", "-s"], ["-f"], options =>
                Required(options, "-i", out var instance) ?? Optional(options, "-s", out var sub)
                ?? (sub is < 0 or > 3
                    ? $"-s must be a sub-channel between 0 and 3, got {sub}"
                    : (object)new TtyCommand(text, instance, sub ?? 0, options.ContainsKey("-f")))),
            "console" => Options(text, name, arguments, ["-i"], [], options =>
                Required(options, "-i", out var instance) ?? (object)new TtyCommand(text, instance, 0, Follow: true)),
            "wait" => Options(text, name, arguments, ["-i", "-t"], [], options =>
                Optional(options, "-i", out var instance) ?? Timeout(options, out var timeout) ?? (object)new WaitCommand(text, instance, timeout)),
            "info" => Options(text, name, arguments, ["-i"], [], options =>
                Required(options, "-i", out var instance) ?? (object)new InfoCommand(text, instance)),
            "timeline" => Options(text, name, arguments, ["-i"], [], options =>
                Required(options, "-i", out var instance) ?? (object)new TimelineCommand(text, instance)),
            "fb" => Options(text, name, arguments, ["-i", "--png"], [], options =>
                Required(options, "-i", out var instance) ?? (object)new FbCommand(text, instance, options.GetValueOrDefault("--png"))),
            "ps" or "list" => NoArguments(text, name, arguments, new PsCommand(text)),
            "map" => arguments.Length == 0
                ? ShellParse.Ok(new MapCommand(text))
                : Options(text, name, arguments, ["--png"], [], options => new MapCommand(text, options["--png"])),
            "exit" => NoArguments(text, name, arguments, new ExitCommand(text)),
            "help" => HelpTopic(text, arguments),
            _ => ShellParse.Error(text, Unknown(name)),
        };
    }

    /// <summary>What <c>help COMMAND</c> shows for a command word, or null if there is no such command.</summary>
    public static IReadOnlyList<string>? HelpFor(string name)
    {
        var spec = Commands.FirstOrDefault(c => c.Name == name);
        if (spec is null)
        {
            return null;
        }
        if (spec.AliasOf is { } target)
        {
            return [spec.HelpLine, .. Commands.First(c => c.Name == target).HelpPage];
        }
        return spec.HelpPage;
    }

    /// <summary><c>unknown command 'rnu' — did you mean 'run'?</c>, or the list of commands when nothing is near.</summary>
    private static string Unknown(string name) =>
        CommandSuggestion.Nearest(name, CommandNames) is { } near
            ? $"unknown command '{name}' — did you mean '{near}'? (try 'help')"
            : $"unknown command '{name}' (commands: {string.Join(", ", CommandNames)})";

    private static ShellParse HelpTopic(string text, string[] arguments) => arguments.Length switch
    {
        0 => ShellParse.Ok(new HelpCommand(text)),
        1 when HelpFor(arguments[0]) is not null => ShellParse.Ok(new HelpCommand(text, arguments[0])),
        1 => ShellParse.Error(text, "help: " + Unknown(arguments[0])),
        _ => ShellParse.Error(text, $"help takes one command at most, got '{string.Join(" ", arguments)}'"),
    };

    private static ShellParse NoArguments(string text, string name, string[] arguments, ShellCommand command) =>
        arguments.Length == 0 ? ShellParse.Ok(command) : ShellParse.Error(text, $"{name} takes no arguments, got '{string.Join(" ", arguments)}'");

    /// <summary>
    /// Collects <c>-name value</c> pairs and flags, then builds the command (or an error string) from them.
    /// A value that is itself an option word (<c>run -nc -i 1</c>) means the option's value is missing.
    /// </summary>
    private static ShellParse Options(
        string text, string name, string[] arguments, string[] known, string[] flags, Func<Dictionary<string, string>, object> build)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var listed = string.Join(" ", known.Concat(flags));
        for (var i = 0; i < arguments.Length; i++)
        {
            var option = arguments[i];
            if (flags.Contains(option))
            {
                if (!options.TryAdd(option, ""))
                {
                    return ShellParse.Error(text, $"{name}: {option} is given twice");
                }
                continue;
            }
            if (!known.Contains(option))
            {
                return ShellParse.Error(text, option.StartsWith('-')
                    ? $"{name}: unknown option '{option}' (options: {listed})"
                    : $"{name}: unexpected '{option}' (options: {listed})");
            }
            if (i + 1 >= arguments.Length || IsOptionWord(arguments[i + 1]))
            {
                return ShellParse.Error(text, $"{name}: {option} has no value");
            }
            if (!options.TryAdd(option, arguments[i + 1]))
            {
                return ShellParse.Error(text, $"{name}: {option} is given twice");
            }
            i++;
        }
        return build(options) switch
        {
            ShellCommand command => ShellParse.Ok(command),
            string problem => ShellParse.Error(text, $"{name}: {problem}"),
            var other => throw new InvalidOperationException($"a command builder returned {other}"),
        };
    }

    /// <summary>An option's name rather than a value: a dash then a letter (<c>-1</c> is a value, for the range check to refuse).</summary>
    private static bool IsOptionWord(string word) => word.Length > 1 && word[0] == '-' && char.IsAsciiLetter(word.TrimStart('-').FirstOrDefault());

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
        var unit = text.TrimStart("0123456789.".ToCharArray()).Trim();
        var number = text[..^unit.Length].Trim();
        // A bare number would be milliseconds in HOCON: too easy to misread at a prompt, so a unit is required.
        var knownUnit = unit.Length > 0 && HoconUnits.TryParseDuration("1" + unit, out _, out _);
        if (number.Length == 0 || !knownUnit || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            return $"-t needs a duration with a unit, such as 10s or 500ms, got '{text}'";
        }
        if (!HoconUnits.TryParseDuration(text, out var duration, out _) || duration > MaxTimeout)
        {
            return $"-t {text} is too large: at most {MaxTimeout.TotalDays.ToString(CultureInfo.InvariantCulture)}d";
        }
        if (duration <= TimeSpan.Zero)
        {
            // 1ns is not zero, but TimeSpan (and so the scheduler) counts in 100 ns ticks.
            return number.Any(c => c is >= '1' and <= '9')
                ? $"-t {text} is below the resolution of 100ns"
                : $"-t must be positive, got '{text}'";
        }
        timeout = duration;
        return null;
    }
}
