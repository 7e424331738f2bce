using System.Globalization;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Exploration.Driver;
using ActorHyper.Hocon;
using Microsoft.Extensions.Configuration;
using Serilog.Events;

namespace ActorHyper.Host.Configuration;

/// <summary>
/// Binds the resolved tree to <see cref="ActorHyperOptions"/> through Microsoft.Extensions.Configuration,
/// and checks it. Every problem is reported at the file, line and column where the value was set.
/// </summary>
public static class OptionsBinder
{
    private const string Section = "actorhyper";

    public static ActorHyperOptions Bind(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var configuration = new ConfigurationBuilder().AddHocon(config).Build();
        BindingPreflight.Run(config, configuration, Section, typeof(ActorHyperOptions));
        ActorHyperOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<ActorHyperOptions>() ?? new ActorHyperOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(DescribeBindFailure(config, e));
        }

        Check(config, options);
        options.Tree = config;
        return options;
    }

    /// <summary>The machine the options describe; assumes <see cref="Bind"/> accepted them.</summary>
    public static MachineSpec ToMachineSpec(MachineSection machine) => new(
        machine.Mesh.X,
        machine.Mesh.Y,
        machine.CoresPerCluster,
        machine.RamPerCluster.Bytes,
        new ClusterId(machine.IoCluster.X, machine.IoCluster.Y),
        machine.IocChannels,
        machine.TtyChannels,
        machine.FbChannels,
        machine.WtiSlots);

    /// <summary>The hypervisor's options; assumes <see cref="Bind"/> accepted them.</summary>
    public static HypervisorOptions ToHypervisorOptions(HypervisorSection hypervisor) =>
        new() { WaitTimeout = hypervisor.WaitTimeout.Value, BootTimeout = hypervisor.BootTimeout.Value };

    /// <summary>The hypervisor's options with the machine's protocol variant; assumes <see cref="Bind"/> accepted them.</summary>
    public static HypervisorOptions ToHypervisorOptions(ActorHyperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ProtocolVariants.TryParse(options.Variant, out var variant);
        return ToHypervisorOptions(options.Hypervisor) with { Variant = variant };
    }

    public static LogEventLevel ToLogLevel(string level) =>
        Enum.Parse<LogEventLevel>(level, ignoreCase: true);

    private static void Check(Config config, ActorHyperOptions options)
    {
        var problems = new List<string>();
        if (options.Machine.IoCluster.X is < 0 or >= 16 || options.Machine.IoCluster.Y is < 0 or >= 16)
        {
            problems.Add(At(config, "machine.io-cluster", "io-cluster coordinates must be between 0 and 15"));
        }
        else
        {
            foreach (var problem in ToMachineSpec(options.Machine).Validate())
            {
                // MachineSpec names the field first ("mesh.x must be ..."), which is the key under actorhyper.machine.
                var field = problem[..problem.IndexOf(' ', StringComparison.Ordinal)];
                problems.Add(At(config, "machine." + field, problem));
            }
        }

        if (options.Hypervisor.WaitTimeout.Value <= TimeSpan.Zero)
        {
            problems.Add(At(config, "hypervisor.wait-timeout",
                $"hypervisor.wait-timeout must be positive, got {Written(config, "hypervisor.wait-timeout")}"));
        }

        if (options.Hypervisor.BootTimeout.Value <= TimeSpan.Zero)
        {
            problems.Add(At(config, "hypervisor.boot-timeout",
                $"hypervisor.boot-timeout must be positive, got {Written(config, "hypervisor.boot-timeout")}"));
        }

        if (!ProtocolVariants.TryParse(options.Variant, out _))
        {
            problems.Add(At(config, "variant",
                $"variant must be one of {string.Join(", ", ProtocolVariants.Names)}, got \"{options.Variant}\""));
        }

        if (!Exploring.FaultSpecParser.TryParse(options.Faults, out _, out var faultProblem))
        {
            problems.Add(At(config, "faults", $"faults: {faultProblem}"));
        }

        if (options.Runtime.Mode is not ("concurrent" or "controlled"))
        {
            problems.Add(At(config, "runtime.mode", $"runtime.mode must be concurrent or controlled, got \"{options.Runtime.Mode}\""));
        }

        if (options.Runtime.Throughput < 1)
        {
            problems.Add(At(config, "runtime.throughput", $"runtime.throughput must be at least 1, got {options.Runtime.Throughput}"));
        }

        if (!ExecutionModel.TryParseDelivery(options.Runtime.Delivery, out _))
        {
            problems.Add(At(config, "runtime.delivery", $"runtime.delivery must be channel or causal, got \"{options.Runtime.Delivery}\""));
        }

        if (!ExecutionModel.TryParseTimers(options.Runtime.Timers, out _))
        {
            problems.Add(At(config, "runtime.timers", $"runtime.timers must be due-order or any-order, got \"{options.Runtime.Timers}\""));
        }

        if (!ExecutionModel.TryParseRace(options.Runtime.TimerRace, out _))
        {
            problems.Add(At(config, "runtime.timer-race", $"runtime.timer-race must be clocked or uniform, got \"{options.Runtime.TimerRace}\""));
        }

        if (options.Runtime.TimerHorizon != "none" && !HoconUnits.TryParseDuration(options.Runtime.TimerHorizon, out _, out var horizonProblem))
        {
            problems.Add(At(config, "runtime.timer-horizon", $"runtime.timer-horizon must be a duration or none: {horizonProblem}"));
        }

        if (options.Runtime.EarlyTimers < 0)
        {
            problems.Add(At(config, "runtime.early-timers", $"runtime.early-timers must be 0 or more, got {options.Runtime.EarlyTimers}"));
        }

        if (options.Runtime.StepLimit < 1)
        {
            problems.Add(At(config, "runtime.step-limit", $"runtime.step-limit must be at least 1, got {options.Runtime.StepLimit}"));
        }

        if (!Enum.TryParse<LogEventLevel>(options.Log.Level, ignoreCase: true, out _) ||
            int.TryParse(options.Log.Level, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            problems.Add(At(config, "log.level",
                $"log.level must be verbose, debug, information, warning, error or fatal, got \"{options.Log.Level}\""));
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>The binder names the key as <c>actorhyper:machine:mesh:x</c>; report it at its HOCON position.</summary>
    private static string DescribeBindFailure(Config config, InvalidOperationException failure)
    {
        const string marker = " at '";
        var message = failure.Message;
        var start = message.IndexOf(marker, StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + marker.Length);
        if (end < 0)
        {
            return $"configuration: {message}";
        }

        var path = HoconPathOf(config, message[(start + marker.Length)..end]);
        // Our own converters explain themselves; the framework's messages are replaced by plain words.
        var reason = TypeName(message) is { } expected
            ? $"\"{config.GetString(path)}\" is not a valid {expected}"
            : failure.InnerException?.Message ?? message;
        return $"{Position(config, path)}: {path}: {reason}";
    }

    /// <summary>
    /// Microsoft.Extensions.Configuration keys are case-insensitive and the binder reports them with
    /// the options' property casing (<c>actorhyper:Machine:Mesh:Y</c>); find the key as written.
    /// </summary>
    private static string HoconPathOf(Config config, string binderKey)
    {
        var written = new List<string>();
        HoconValue? node = config.Root;
        foreach (var segment in binderKey.Split(':'))
        {
            var match = (node as HoconObject)?.Fields.FirstOrDefault(f => string.Equals(f.Key, segment, StringComparison.OrdinalIgnoreCase));
            if (match?.Value is null)
            {
                return binderKey.Replace(':', '.');
            }

            written.Add(match.Value.Key);
            node = match.Value.Value;
        }

        return string.Join('.', written);
    }

    private static string? TypeName(string message)
    {
        var type = message[(message.LastIndexOf("type '", StringComparison.Ordinal) + 6)..].TrimEnd('.', '\'');
        return type switch
        {
            "System.Int32" or "System.Int64" => "whole number",
            "System.UInt64" => "non-negative whole number",
            "System.Boolean" => "boolean (true or false)",
            _ => null,
        };
    }

    /// <summary>The value as the user wrote it, quoted, or "nothing" when the key is absent.</summary>
    private static string Written(Config config, string relativePath) =>
        config.HasPath(Section + "." + relativePath) ? $"\"{config.GetString(Section + "." + relativePath)}\"" : "nothing";

    private static string At(Config config, string relativePath, string problem) =>
        $"{Position(config, Section + "." + relativePath)}: {problem}";

    private static string Position(Config config, string path) =>
        config.HasPath(path) && config.GetValue(path).Position is { } position ? position.ToString() : path;
}
