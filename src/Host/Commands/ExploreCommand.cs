using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Hocon;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Commands;

/// <summary>
/// <c>actorhyper explore [--scenario FILE|NAME] [--strategy S] [--iterations N] ...</c>: runs the
/// scenario under many controlled schedules on power-cycled machines (one per worker), reports what
/// it saw, and for a violation prints its story, shrinks it and writes a trace file that
/// <c>actorhyper replay</c> re-runs. Exit 0: no violation; 1: a violation; 2: usage.
/// </summary>
public static class ExploreCommand
{
    public static Command Create(GlobalOptions global, TextWriter output, TextWriter error) => Create(global, output, error, null);

    /// <param name="outputIsTerminal">Standard output is a terminal: progress is a bar there (unless --json), else lines on the error stream.</param>
    internal static Command Create(GlobalOptions global, TextWriter output, TextWriter error, ExplorationHooks? hooks, bool outputIsTerminal = false)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = $"A scenario file, or a built-in scenario: {string.Join(", ", BuiltInScenarios.Names)}",
            HelpName = "FILE|NAME",
            DefaultValueFactory = _ => "default",
        };
        var strategy = new Option<string>("--strategy")
        {
            Description = "random, pct, pos, dfs (exhaustive, with sleep sets and state caching), or portfolio (iterations take random, pct d=1..3 and pos in turn)",
            HelpName = "NAME",
            DefaultValueFactory = _ => ExplorationStrategies.NameOf(StrategyKind.Portfolio),
        };
        strategy.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && !ExplorationStrategies.TryParse(name, out _))
            {
                result.AddError($"--strategy must be random, pct, pos, dfs or portfolio, got '{name}'.");
            }
        });
        var iterations = Positive<long>("--iterations", $"Schedules to run (dfs: at most, default {DfsIterations})", "N", 100);
        var seed = new Option<ulong>("--seed")
        {
            Description = "The exploration's seed; iteration i runs with a seed mixed from S and i (SplitMix64), so nearby seeds run unrelated schedules",
            HelpName = "S",
            DefaultValueFactory = _ => 0,
            CustomParser = result => CommandOptions.Whole<ulong>(result, "--seed", 0) ?? 0,
        };
        var depth = new Option<int>("--depth")
        {
            Description = "PCT's depth (bug depth it aims at); for dfs, given: at most D deviations from the default order [dfs: no bound]",
            HelpName = "D",
            DefaultValueFactory = _ => 2,
            CustomParser = result => CommandOptions.Whole<int>(result, "--depth", 0) ?? 2,
        };
        var pctOverdue = new Option<TimeSpan>("--pct-overdue")
        {
            Description = "PCT (alone or in the portfolio): a due timer this late behind ready messages fires first, as Akka would have queued it by then (1ms, 200us, ...) [default: 1ms]",
            HelpName = "DURATION",
            DefaultValueFactory = _ => PctStrategy.DefaultOverdue,
            CustomParser = result =>
            {
                var text = string.Join(" ", result.Tokens.Select(static t => t.Value));
                if (HoconUnits.TryParseDuration(text, out var duration, out var problem) && duration > TimeSpan.Zero)
                {
                    return duration;
                }

                result.AddError($"--pct-overdue must be a duration above zero such as 1ms or 200us, got '{text}'{(problem is { Length: > 0 } ? $" ({problem})" : "")}.");
                return PctStrategy.DefaultOverdue;
            },
        };
        var maxSteps = new Option<long?>("--max-steps")
        {
            Description = "A schedule stops after this many deliveries (overrides actorhyper.runtime.step-limit) [default: actorhyper.runtime.step-limit, 10000000]",
            HelpName = "K",
            CustomParser = result => CommandOptions.Whole<long>(result, "--max-steps", 1),
        };
        var workers = Positive<int>("--workers", "Worker threads, each with its own machine; the report does not depend on it", "N",
            Environment.ProcessorCount);
        var variant = CommandOptions.Variant();
        var faults = new Option<string?>("--faults")
        {
            Description = "Seeded faults, e.g. ipi-lost:0.01,ipi-delay:0.02:50us,core-stall:0.005:1ms,ioc-read-error:0.1,command@step=1200:kill -i 1 " +
                "(sets actorhyper.faults; docs/exploring.md, \"Faults\") [default: actorhyper.faults, none]",
            HelpName = "SPEC",
        };
        faults.Validators.Add(result =>
        {
            if (!FaultSpecParser.TryParse(result.GetValueOrDefault<string?>(), out _, out var problem))
            {
                result.AddError($"--faults: {problem}");
            }
        });
        var outDir = new Option<string>("--out")
        {
            Description = "Where trace files of violations are written",
            HelpName = "DIR",
            DefaultValueFactory = _ => "traces",
        };
        var reportFile = new Option<string?>("--report") { Description = "Also write the report as JSON to this file [default: none]", HelpName = "FILE" };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Go on after a violation (else stop at the first, in iteration order) [default: off]" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of text [default: off: text]" };
        var shard = new Option<Shard>("--shard")
        {
            Description = "Run only shard k of N: the iterations i with i mod N = k-1 (their own seeds and strategies), to split an exploration over N machines",
            HelpName = "k/N",
            DefaultValueFactory = _ => Shard.All,
            CustomParser = result =>
            {
                var text = string.Join(" ", result.Tokens.Select(static t => t.Value));
                if (Shard.TryParse(text, out var parsed, out var problem))
                {
                    return parsed;
                }

                result.AddError(problem);
                return Shard.All;
            },
        };
        var noProgress = new Option<bool>("--no-progress") { Description = "Show no progress (a bar on a terminal, else a line per tenth on stderr) [default: off]" };

        var explore = new Command("explore", "Explore the scenario's message interleavings under controlled schedules, with the invariant monitors " +
            "(exit 0: no violation; 1: a violation; 2: usage)");
        foreach (var option in new Option[] { scenario, strategy, iterations, seed, depth, pctOverdue, maxSteps, workers, variant, faults, shard, outDir, reportFile, keepGoing, json, noProgress })
        {
            explore.Options.Add(option);
        }

        explore.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            Scenario chosen;
            try
            {
                chosen = BuiltInScenarios.Resolve(parsed.GetValue(scenario)!);
            }
            catch (ScenarioException e)
            {
                error.WriteLine(e.Message);
                return CommandLineApp.UsageError;
            }

            // Checked before any machine is built: a long exploration must not end unable to write what it found.
            if (OutputProblem(parsed.GetValue(outDir)!, parsed.GetValue(reportFile)) is { } problem)
            {
                error.WriteLine($"actorhyper: {problem}");
                return CommandLineApp.UsageError;
            }

            var kind = ExplorationStrategies.TryParse(parsed.GetValue(strategy), out var parsedKind) ? parsedKind : StrategyKind.Portfolio;
            if (parsed.GetValue(depth) == 0 && kind != StrategyKind.Dfs)
            {
                error.WriteLine("actorhyper: --depth 0: PCT's depth is at least 1 (0 bounds dfs only)");
                return CommandLineApp.UsageError;
            }

            // One search is one tree, walked in order on one worker: it has no iterations to deal out.
            if (kind == StrategyKind.Dfs && !parsed.GetValue(shard).IsAll)
            {
                error.WriteLine("actorhyper: --shard: a dfs search is one tree walked in order; shard random, pct, pos or portfolio");
                return CommandLineApp.UsageError;
            }

            var variantName = parsed.GetValue(variant)!;
            IReadOnlyList<string> sets = parsed.GetValue(global.Set) ?? [];
            if (parsed.GetValue(faults) is { } spec)
            {
                sets = [.. sets, FaultSpec.SetArgument(spec)];
            }

            var configuration = ExplorationConfiguration.Load(chosen.ConfigPreset, parsed.GetValue(global.ConfigFile), sets, variantName, error);
            var faultSpec = FaultSpecParser.Parse(configuration.Options.Faults, FaultSpec.Setting);
            var options = configuration.Options;
            if (parsed.GetValue(maxSteps) is { } limit)
            {
                options.Runtime.StepLimit = limit;
            }

            var logger = global.CreateLogger(parsed, options, error, Serilog.Events.LogEventLevel.Error);
            var iterationsGiven = parsed.GetResult(iterations) is { Implicit: false };
            var depthGiven = parsed.GetResult(depth) is { Implicit: false };
            var exploration = new ExplorationOptions
            {
                Strategy = kind,
                Iterations = kind == StrategyKind.Dfs && !iterationsGiven ? DfsIterations : parsed.GetValue(iterations),
                Seed = parsed.GetValue(seed),
                Depth = Math.Max(1, parsed.GetValue(depth)),
                PctOverdue = parsed.GetValue(pctOverdue),
                DeviationBound = kind == StrategyKind.Dfs && depthGiven ? parsed.GetValue(depth) : null,
                Workers = parsed.GetValue(workers),
                KeepGoing = parsed.GetValue(keepGoing),
                Shard = parsed.GetValue(shard),
            };
            ExplorationReport report;
            try
            {
                ExplorationReport Explore(Action<ScheduleSummary>? onSchedule) =>
                    Explorer.Run(exploration, _ => new MachineScheduleRunner(options, logger, chosen, hooks?.Monitors(), faultSpec), onSchedule);
                report = parsed.GetValue(noProgress)
                    ? Explore(null)
                    : ExplorationProgress.Run(Explore, exploration.Shard.CountOf(exploration.Iterations), outputIsTerminal && !parsed.GetValue(json), output, error);
            }
            catch (ExplorationException e)
            {
                error.WriteLine($"actorhyper: explore: {(e.InnerException ?? e).Message}");
                return CommandErrors.RunFailed;
            }

            var traces = WriteTraces(report, chosen, configuration, variantName, parsed.GetValue(outDir)!);
            var outcome = new ExplorationOutcome(report, chosen, variantName, configuration, traces);
            if (parsed.GetValue(json))
            {
                output.WriteLine(ExplorationJson.Of(outcome, indented: false));
            }
            else
            {
                foreach (var line in ExplorationText.Lines(outcome))
                {
                    output.WriteLine(line);
                }
            }

            if (parsed.GetValue(reportFile) is { } file)
            {
                File.WriteAllText(file, ExplorationJson.Of(outcome, indented: true));
            }

            return report.Violations.Count == 0 ? 0 : CommandErrors.RunFailed;
        }));
        return explore;
    }

    /// <summary>DFS's budget of schedules when --iterations is not given: it stops earlier once the tree is exhausted.</summary>
    internal const long DfsIterations = 100_000;

    private static string? OutputProblem(string outDir, string? reportFile)
    {
        if (string.IsNullOrWhiteSpace(outDir))
        {
            return "--out: the directory name is empty";
        }

        if (File.Exists(outDir))
        {
            return $"--out {outDir}: is a file, not a directory";
        }

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

    /// <summary>One trace file per violation, in <paramref name="directory"/> (created only if there is one).</summary>
    private static IReadOnlyList<string?> WriteTraces(ExplorationReport report, Scenario scenario, ExplorationConfiguration configuration,
        string variant, string directory)
    {
        if (report.Violations.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(directory);
        var stem = string.Concat(Path.GetFileNameWithoutExtension(scenario.Name).Select(static c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
        return [.. report.Violations.Select(violation =>
        {
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}-seed{violation.Seed}-{violation.Invariant}.json"));
            TraceFile.Of(violation, scenario, configuration, variant).Write(path);
            return (string?)path;
        })];
    }

    private static Option<T> Positive<T>(string name, string description, string helpName, T fallback)
        where T : struct, IBinaryInteger<T> => new(name)
        {
            Description = description,
            HelpName = helpName,
            DefaultValueFactory = _ => fallback,
            CustomParser = result => CommandOptions.Whole<T>(result, name, 1) ?? fallback,
        };
}
