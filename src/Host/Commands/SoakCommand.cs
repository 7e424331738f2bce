using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ActorHyper.Actors.Faults;
using ActorHyper.Actors.Monitors;
using ActorHyper.Exploration.Watching;
using ActorHyper.Host.Configuration;
using ActorHyper.Host.Exploring;
using ActorHyper.Host.Shell;
using ActorHyper.Host.Soak;
using Akka.Event;

namespace ActorHyper.Host.Commands;

/// <summary>
/// <c>actorhyper soak [--duration 10m] [--seed S] [--max-live N] [--in-flight K] [--faults SPEC] ...</c>:
/// the machine on real threads for a while, launched into and killed from by a seeded driver, watched
/// by the invariant monitors, checked for leaks at quiescent points and for hangs. Exit 0: no
/// violation, no leak, no hang; 1: any of them (the summary says which); 2: usage or configuration.
/// </summary>
public static class SoakCommand
{
    public static Command Create(GlobalOptions global, HostConsole console)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(console);
        var (output, error) = (console.Output, console.Error);
        const string DefaultDuration = "10m", DefaultCheck = "5s", DefaultHang = "60s";
        var duration = Duration("--duration", "How long to soak: a number and s, m or h (e.g. 30s, 10m, 1h)", DefaultDuration);
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed of the driver's choices (sizes, instance numbers, kills) and of the faults; the threads are not reproducible, the choices are",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
            CustomParser = result => CommandOptions.Whole<ulong>(result, "--seed", 0) ?? 0,
        };
        var maxLive = new Option<int>("--max-live")
        {
            Description = "At most this many instances at once [default: 0: as many as the machine has free clusters and instance numbers]",
            HelpName = "N",
            CustomParser = result => CommandOptions.Whole<int>(result, "--max-live", 0) ?? 0,
        };
        var inFlight = new Option<int>("--in-flight")
        {
            Description = "Launches and kills in flight at once",
            HelpName = "K",
            DefaultValueFactory = _ => 4,
            CustomParser = result => CommandOptions.Whole<int>(result, "--in-flight", 1) ?? 4,
        };
        var maxClusters = new Option<int>("--max-clusters")
        {
            Description = "A launch takes 1 to this many clusters [default: 0: a quarter of the machine's free clusters]",
            HelpName = "N",
            CustomParser = result => CommandOptions.Whole<int>(result, "--max-clusters", 0) ?? 0,
        };
        var faults = new Option<string?>("--faults")
        {
            Description = "Seeded faults, as for explore, with wall-time durations, e.g. ipi-lost:0.01,ioc-read-error:0.05,dma-fault:0.05,core-stall:0.01:1ms [default: none]",
            HelpName = "SPEC",
        };
        faults.Validators.Add(result =>
        {
            if (!FaultSpecParser.TryParse(result.GetValueOrDefault<string?>(), out var spec, out var problem))
            {
                result.AddError($"--faults: {problem}");
            }
            else if (spec.Commands.Count > 0)
            {
                result.AddError($"--faults: {spec.Commands[0].Text}: commands at a step belong to explore; a soak types its own commands");
            }
        });
        var variant = CommandOptions.Variant();
        var checkEvery = Duration("--check-every", "How often the driver lets everything settle and checks for leaks", DefaultCheck);
        var hangTimeout = Duration("--hang-timeout", "With nothing answered for this long the soak is hung: it dumps the machine and exits 1", DefaultHang);
        var reportFile = new Option<string?>("--report") { Description = "Also write the report as JSON to this file [default: none]", HelpName = "FILE" };
        var outDir = new Option<string>("--out")
        {
            Description = "Where the scenario files of findings are written",
            HelpName = "DIR",
            DefaultValueFactory = _ => "soak-findings",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of text [default: off: text]" };
        var noProgress = new Option<bool>("--no-progress") { Description = "Show no progress (a live panel on a terminal, else a line every 10 s on stderr) [default: off]" };
        var noMonitors = new Option<bool>("--no-monitors") { Description = "Run without the invariant monitors (to measure what they cost) [default: off: monitors on]" };

        var soak = new Command("soak", "Launch and kill instances on real threads for a while, watched by the invariant monitors, checked for leaks and hangs " +
            "(exit 0: none; 1: a violation, a leak or a hang; 2: usage)");
        foreach (var option in new Option[] { duration, seed, maxLive, inFlight, maxClusters, faults, variant, checkEvery, hangTimeout, reportFile, outDir, json, noProgress, noMonitors })
        {
            soak.Options.Add(option);
        }

        soak.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            if (ReportProblem(parsed.GetValue(reportFile)) is { } problem)
            {
                error.WriteLine($"actorhyper: {problem}");
                return CommandLineApp.UsageError;
            }

            var variantName = parsed.GetValue(variant)!;
            IReadOnlyList<string> sets = parsed.GetValue(global.Set) ?? [];
            if (parsed.GetValue(faults) is { } faultText)
            {
                sets = [.. sets, FaultSpec.SetArgument(faultText)];
            }

            var configFile = parsed.GetValue(global.ConfigFile);
            var configuration = ExplorationConfiguration.Load(null, configFile, sets, variantName, error);
            var options = configuration.Options;
            options.Runtime.Mode = "concurrent";
            var faultSpec = FaultSpecParser.Parse(options.Faults, FaultSpec.Setting);
            var logger = global.CreateLogger(parsed, options, error, Serilog.Events.LogEventLevel.Error);
            var spec = OptionsBinder.ToMachineSpec(options.Machine);
            var monitored = !parsed.GetValue(noMonitors);
            var soakFor = Or(parsed.GetValue(duration), DefaultDuration);
            var settings = new SoakSettings
            {
                Duration = soakFor,
                Seed = parsed.GetValue(seed),
                MaxLive = parsed.GetValue(maxLive),
                InFlight = parsed.GetValue(inFlight),
                MaxClusters = parsed.GetValue(maxClusters),
                Monitors = monitored,
                CheckEvery = Or(parsed.GetValue(checkEvery), DefaultCheck),
                HangTimeout = Or(parsed.GetValue(hangTimeout), DefaultHang),
                WarmUp = TimeSpan.FromSeconds(Math.Clamp(soakFor.TotalSeconds / 10, 2, 60)),
                FaultsInjected = !faultSpec.IsEmpty,
                FindingsDirectory = parsed.GetValue(outDir)!,
                ConfigFile = configFile,
                ExploreArguments = ExploreArguments(variantName, parsed.GetValue(global.Set) ?? [], faultText: parsed.GetValue(faults)),
            };

            RealThreadWatch? watch = null;
            using var session = HypervisorSession.Start(options, logger, null,
                monitored ? WatchedConfig.Config : null,
                system => watch = monitored
                    ? RealThreadWatch.Start(system, InvariantMonitors.OnRealThreads(spec), new WatchOptions { IsExpectedDeadLetter = IsExpectedDeadLetter })
                    : null);
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler interrupt = (_, e) =>
            {
                // The first Ctrl-C ends the soak early, with its summary and report; a second one is the default: the process ends.
                e.Cancel = !stop.IsCancellationRequested;
                stop.Cancel();
            };
            Console.CancelKeyPress += interrupt;
            try
            {
                FaultInjector.For(session.System).Arm(faultSpec.Rules, settings.Seed);
                var bootTimeout = options.Hypervisor.BootTimeout.Value;
                SoakReport Run(Action<SoakProgress>? progress) =>
                    new SoakDriver(session, watch, settings, bootTimeout) { OnProgress = progress }.RunAsync(stop.Token).GetAwaiter().GetResult();
                var report = parsed.GetValue(noProgress)
                    ? Run(null)
                    : console.OutputIsTerminal && !parsed.GetValue(json)
                        ? SoakPanel.Run(Run, output)
                        : Run(Lines(error));
                report = report with { Faults = faultSpec.IsEmpty ? null : faultSpec.Text, Variant = variantName };
                if (parsed.GetValue(json))
                {
                    output.WriteLine(SoakJson.Of(report, indented: false));
                }
                else
                {
                    foreach (var line in SoakText.Lines(report))
                    {
                        output.WriteLine(line);
                    }
                }

                if (parsed.GetValue(reportFile) is { } file)
                {
                    File.WriteAllText(file, SoakJson.Of(report, indented: true));
                }

                return report.Passed ? 0 : CommandErrors.RunFailed;
            }
            finally
            {
                Console.CancelKeyPress -= interrupt;
                watch?.Dispose();
            }
        }));
        return soak;
    }

    /// <summary>A plain line on the error stream every 10 seconds, so a JSON report on standard output stays one document.</summary>
    private static Action<SoakProgress> Lines(TextWriter error)
    {
        var next = 10.0;
        return progress =>
        {
            if (progress.Elapsed.TotalSeconds >= next)
            {
                error.WriteLine(SoakText.ProgressLine(progress));
                next = progress.Elapsed.TotalSeconds + 10;
            }
        };
    }

    /// <summary>
    /// A dead letter the soak expects: a message to software a kill stopped (a guest server, below a
    /// core), or a reply that came after its asker gave up (a temporary actor). Anything else, a
    /// message to a unit of the machine, which never stops, is not expected.
    /// </summary>
    internal static bool IsExpectedDeadLetter(DeadLetter letter)
    {
        var path = letter.Recipient.Path;
        var elements = path.Elements;
        return elements.Count > 0 && elements[0] == "temp"
            || elements.Count > 4 && elements[0] == "user" && elements[3].StartsWith("core-", StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> ExploreArguments(string variant, IReadOnlyList<string> sets, string? faultText)
    {
        var arguments = new List<string>();
        if (variant != Variants.None)
        {
            arguments.AddRange(["--variant", variant]);
        }

        foreach (var set in sets)
        {
            arguments.AddRange(["--set", set]);
        }

        if (faultText is not null)
        {
            arguments.AddRange(["--faults", faultText]);
        }

        return arguments;
    }

    private static string? ReportProblem(string? reportFile)
    {
        if (reportFile is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(reportFile) || Directory.Exists(reportFile))
        {
            return $"--report {reportFile}: not a file name";
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(reportFile));
        return directory is null || Directory.Exists(directory) ? null : $"--report {reportFile}: no directory {directory}";
    }

    /// <summary>A duration option; absent, its value is zero and <see cref="Or"/> gives the default its help names.</summary>
    private static Option<TimeSpan> Duration(string name, string description, string fallback) => new(name)
    {
        Description = $"{description} [default: {fallback}]",
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = string.Join(" ", result.Tokens.Select(static t => t.Value));
            if (WallDuration.TryParse(text, out var parsed, out var problem))
            {
                return parsed;
            }

            result.AddError($"{name}: {problem}");
            return TimeSpan.Zero;
        },
    };

    private static TimeSpan Or(TimeSpan given, string fallback) =>
        given > TimeSpan.Zero ? given : WallDuration.TryParse(fallback, out var parsed, out _) ? parsed : throw new ArgumentException(fallback, nameof(fallback));
}
