using System.Diagnostics;
using System.Globalization;
using ActorHyper.Bench.Corpus;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Protocols;
using ProtocolCorpus = ActorHyper.Protocols.Corpus;
using Microsoft.Coyote;
using Microsoft.Coyote.Actors;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace ActorHyper.Bench;

/// <summary>
/// <c>corpus [NAME] [seeds=5] [clean=10000] [depth=2]</c> (depth: PCT's): the corpus's must-holds, measured. For each program:
/// schedules and seconds to the first bug for each strategy on seeds 1..N (the default strategy
/// within 10,000 schedules, random, pct and pos within 100,000), Coyote beside it with the strategy
/// its docs use where the bench has its version, then the correct version's schedules with no
/// violation for each strategy (seed 1). One worker each, shrinking off: time to the first bug.
/// </summary>
internal static class CorpusBench
{
    private const long DefaultLimit = 10_000;
    private const long OtherLimit = 100_000;

    /// <summary>The Coyote versions the bench has, by corpus name.</summary>
    /// <summary>The Coyote versions the bench has, by corpus name, with the strategy and step bound their docs or tests use.</summary>
    private static readonly Dictionary<string, (Action<IActorRuntime> Buggy, Action<IActorRuntime> Correct, string Strategy, uint MaxSteps)> Coyote = new()
    {
        // coyote test ... -ms 2000 -s prioritization -sv 10 (docs/samples/actors/failover-robot-navigator.md)
        ["robot-navigator"] = (RobotNavigatorCoyote.Buggy, RobotNavigatorCoyote.Correct, RobotNavigatorCoyote.DocsStrategy, 2000),
        // RaftTests.cs: the default (random) strategy, 1,000 fair steps
        ["raft"] = (RaftCoyote.Buggy, RaftCoyote.Correct, RaftCoyote.DocsStrategy, 1000),
        // coyote test ... -i 100 -ms 2000 -s prioritization -sv 10 (docs/tutorials/actors/test-failover.md)
        ["coffee-machine"] = (CoffeeMachineCoyote.Buggy, CoffeeMachineCoyote.Correct, CoffeeMachineCoyote.DocsStrategy, 2000),
        // ChainReplicationTests.cs: fair prioritization with one priority change, 100 unfair steps
        ["chain-replication"] = (ChainReplicationCoyote.Buggy, ChainReplicationCoyote.Correct, ChainReplicationCoyote.DocsStrategy, 100),
        // docs/samples/actors/failure-detector.md: prioritization, 10 switches, 200 steps
        ["failure-detector"] = (FailureDetectorCoyote.Buggy, FailureDetectorCoyote.Correct, FailureDetectorCoyote.DocsStrategy, 200),
    };

    public static int Run(string[] args)
    {
        var name = args.FirstOrDefault(a => !a.Contains('=', StringComparison.Ordinal));
        var seeds = BenchArgs.Option(args, "corpus", "seeds=", 5, 1);
        var clean = BenchArgs.Option(args, "corpus", "clean=", 10_000, 1);
        var depth = BenchArgs.Option(args, "corpus", "depth=", 2, 1);
        var pctSteps = BenchArgs.Option(args, "corpus", "pct-steps=", 0, 1);
        var only = args.FirstOrDefault(a => a.StartsWith("strategy=", StringComparison.Ordinal)) is { } given
            ? ExplorationStrategies.TryParse(given["strategy=".Length..], out var kind) && kind != StrategyKind.Dfs ? kind
                : throw new BenchUsageException($"corpus: strategy= takes portfolio, random, pct or pos, got '{given["strategy=".Length..]}'")
            : (StrategyKind?)null;
        var programs = name is null ? ProtocolCorpus.All : [ProtocolCorpus.Named(name) ?? throw new BenchUsageException(
            $"corpus: no program '{name}' (the corpus: {string.Join(", ", ProtocolCorpus.All.Select(static p => p.Name))})")];
        var failed = false;
        foreach (var program in programs)
        {
            Console.WriteLine($"## {program.Name}: {program.Bug}");
            Console.WriteLine("strategy | " + string.Join(" | ", Enumerable.Range(1, seeds).Select(static s => $"seed {s}")) + " | mean schedules | mean s");
            foreach (var (strategy, limit) in new[] { (StrategyKind.Portfolio, DefaultLimit), (StrategyKind.Random, OtherLimit), (StrategyKind.Pct, OtherLimit), (StrategyKind.Pos, OtherLimit) }.Where(s => only is null || s.Item1 == only))
            {
                var found = Enumerable.Range(1, seeds).Select(seed => FirstBug(program, strategy, (ulong)seed, limit, depth, pctSteps)).ToList();
                failed |= found.Any(static f => f is null);
                var label = strategy == StrategyKind.Pct ? $"pct d={depth}" : strategy.ToString().ToLowerInvariant();
                Console.WriteLine(Row(label + $" (≤{limit:N0})", found));
            }
            if (only is null && Coyote.TryGetValue(program.Name, out var coyote))
            {
                var found = Enumerable.Range(1, seeds).Select(seed => CoyoteFirstBug(coyote.Buggy, coyote.Strategy, coyote.MaxSteps, (uint)seed, OtherLimit)).ToList();
                Console.WriteLine(Row($"coyote {coyote.Strategy} (≤{OtherLimit:N0})", found));
            }
            foreach (var strategy in new[] { StrategyKind.Random, StrategyKind.Pct, StrategyKind.Pos, StrategyKind.Portfolio }.Where(s => only is null || s == only))
            {
                var watch = Stopwatch.StartNew();
                var report = ActorExploration.Explore(new ExplorationOptions { Strategy = strategy, Iterations = clean, Seed = 1, Shrink = false },
                    program.Correct, program.Monitors, program.Settings);
                failed |= report.Violations.Count > 0;
                var first = report.Violations.Count > 0 ? $" ({report.Violations[0].Failure})" : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"correct, {strategy.ToString().ToLowerInvariant()}: {report.Schedules.Count:N0} schedules, {report.Violations.Count} violations{first}, {report.Schedules.Count / watch.Elapsed.TotalSeconds:0} schedules/s"));
            }
            Console.WriteLine();
        }
        return failed ? 1 : 0;
    }

    private static (long Schedules, double Seconds)? FirstBug(CorpusProgram program, StrategyKind strategy, ulong seed, long limit, int depth, int pctSteps)
    {
        var report = ActorExploration.Explore(new ExplorationOptions { Strategy = strategy, Iterations = limit, Seed = seed, Shrink = false, Depth = depth, PctSteps = pctSteps > 0 ? pctSteps : null },
            program.Buggy, program.Monitors, program.Settings);
        if (report.FirstViolationAfter is not { } first)
        {
            return null;
        }
        if (report.Violations[0].Invariant != program.Invariant)
        {
            throw new InvalidOperationException($"{program.Name}: {strategy} seed {seed} broke {report.Violations[0].Failure}, not {program.Invariant}");
        }
        return (first.Schedules, first.Elapsed.TotalSeconds);
    }

    /// <summary>Coyote's engine on its version of the program, stopping at the first bug: its schedules and wall time, or null.</summary>
    private static (long Schedules, double Seconds)? CoyoteFirstBug(Action<IActorRuntime> test, string strategy, uint maxSteps, uint seed, long limit)
    {
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)limit)
            .WithRandomGeneratorSeed(seed)
            .WithMaxSchedulingSteps(maxSteps)
            .WithTelemetryEnabled(false)
            .WithVerbosityEnabled(VerbosityLevel.None);
        var parts = strategy.Split(':');
        configuration = parts[0] switch
        {
            "random" => configuration.WithRandomStrategy(),
            "prioritization" or "pct" => configuration.WithPrioritizationStrategy(false, parts.Length > 1 ? uint.Parse(parts[1], CultureInfo.InvariantCulture) : 10),
            "fair-prioritization" => configuration.WithPrioritizationStrategy(true, parts.Length > 1 ? uint.Parse(parts[1], CultureInfo.InvariantCulture) : 10),
            "probabilistic" => configuration.WithProbabilisticStrategy(parts.Length > 1 ? uint.Parse(parts[1], CultureInfo.InvariantCulture) : 3),
            _ => throw new BenchUsageException($"corpus: Coyote strategy '{strategy}' is not one the bench knows"),
        };
        var watch = Stopwatch.StartNew();
        using var engine = TestingEngine.Create(configuration, test);
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        engine.Run();
        var report = engine.TestReport;
        return report.NumOfFoundBugs == 0 ? null : (report.NumOfExploredFairPaths + report.NumOfExploredUnfairPaths, watch.Elapsed.TotalSeconds);
    }

    private static string Row(string label, IReadOnlyList<(long Schedules, double Seconds)?> found)
    {
        var cells = found.Select(static f => f is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x.Schedules:N0} ({x.Seconds:0.00} s)") : "not found");
        var hits = found.OfType<(long Schedules, double Seconds)>().ToList();
        var means = hits.Count == found.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{hits.Average(static h => h.Schedules):N0} | {hits.Average(static h => h.Seconds):0.00}")
            : "- | -";
        return $"{label} | {string.Join(" | ", cells)} | {means}";
    }
}
