using System.CommandLine;
using System.Globalization;
using ActorHyper.Exploration.Exploring;
using ActorHyper.Exploration.Export;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Commands;

/// <summary>
/// <c>actorhyper replay FILE</c>: re-runs a trace file's decisions (a <see cref="ReplayStrategy"/>) on
/// its scenario, seed and variant, under the configuration the command line gives, which must hash
/// as the trace's did. Prints the violation and the trace hash. Exit 1: the violation came again;
/// 0: it did not; 2: the file is wrong or the configuration is another.
/// </summary>
public static class ReplayCommand
{
    public static Command Create(GlobalOptions global, TextWriter output, TextWriter error) => Create(global, output, error, null);

    internal static Command Create(GlobalOptions global, TextWriter output, TextWriter error, ExplorationHooks? hooks)
    {
        var file = new Argument<string>("FILE") { Description = "A trace file written by explore" };
        var replay = new Command("replay", "Re-run a trace file of explore exactly and print its violation and trace hash " +
            "(exit 1: the violation came again; 0: it did not; 2: a bad file or export option, or another configuration)");
        var export = new Option<string?>("--export")
        {
            Description = "Also write the replayed run as chrome (Chrome trace-event JSON: a track per actor, flow arrows; opens in Perfetto) or mermaid (a sequenceDiagram) [default: none]",
            HelpName = "chrome|mermaid",
        };
        var exportOut = new Option<string?>("--export-out") { Description = "Where --export writes [default: beside FILE, FILE.chrome.json or FILE.mmd]", HelpName = "PATH" };
        var slice = new Option<bool>("--slice")
        {
            Description = "With --export, draw only what the violation's story shows: the failing delivery's causal history, a screenful [default: off: the whole run]",
        };
        var json = new Option<bool>("--json") { Description = "Print the replay as one JSON object instead of text [default: off: text]" };
        replay.Arguments.Add(file);
        replay.Options.Add(export);
        replay.Options.Add(exportOut);
        replay.Options.Add(slice);
        replay.Options.Add(json);
        replay.SetAction(parsed => CommandErrors.Guard(error, () =>
        {
            var path = parsed.GetValue(file)!;
            TraceFile trace;
            Scenario scenario;
            try
            {
                trace = TraceFile.Read(path);
                if (!FaultSpecParser.TryParse(trace.Faults, out _, out var faultProblem))
                {
                    throw new TraceFileException($"trace {path}: faults: {faultProblem}");
                }

                if (!Variants.IsKnown(trace.Variant))
                {
                    throw new TraceFileException($"trace {path}: variant: unknown variant '{trace.Variant}' ({string.Join(", ", Variants.Names)})");
                }

                scenario = ScenarioParser.Parse(string.Join('\n', trace.Scenario), $"{path} (scenario.lines)") with
                {
                    Name = trace.ScenarioName,
                    ConfigPreset = trace.ScenarioConfig,
                };
            }
            catch (Exception e) when (e is TraceFileException or ScenarioException)
            {
                error.WriteLine($"actorhyper: {e.Message}");
                return CommandLineApp.UsageError;
            }

            var exporting = ReplayExport.From(parsed.GetValue(export), parsed.GetValue(exportOut), path, out var exportProblem);
            if (exportProblem is not null)
            {
                error.WriteLine($"actorhyper: replay: {exportProblem}");
                return CommandLineApp.UsageError;
            }

            if (parsed.GetValue(slice) && exporting is null)
            {
                error.WriteLine("actorhyper: replay: --slice chooses what --export draws: give --export chrome or --export mermaid with it");
                return CommandLineApp.UsageError;
            }

            IReadOnlyList<string> sets = parsed.GetValue(global.Set) ?? [];
            if (trace.Faults.Length > 0)
            {
                // The spec is part of the configuration the trace was made under (as the variant is).
                sets = [.. sets, FaultSpec.SetArgument(trace.Faults)];
            }

            var configuration = ExplorationConfiguration.Load(trace.ScenarioConfig, parsed.GetValue(global.ConfigFile), sets, trace.Variant, error);
            if (configuration.Hash != trace.ConfigurationHash)
            {
                error.WriteLine($"actorhyper: replay: {path} was made under another configuration (hash {ExplorationConfiguration.Format(trace.ConfigurationHash)}" +
                    $" from {string.Join(" < ", trace.ConfigurationLayers)}); this one hashes {configuration.HashText} (from {string.Join(" < ", configuration.Layers)}): " +
                    "give the same --config and --set as the exploration");
                return CommandLineApp.UsageError;
            }

            if (trace.StepLimit > 0)
            {
                configuration.Options.Runtime.StepLimit = trace.StepLimit;
            }

            var logger = global.CreateLogger(parsed, configuration.Options, error);
            var strategy = new ReplayStrategy(trace.Decisions);
            // The recorder only watches: the run and its trace hash are the same with it.
            var recorder = new RunRecorder();
            ScheduleResult result;
            IReadOnlyList<RecordedDelivery> deliveries;
            using (var runner = new MachineScheduleRunner(configuration.Options, logger, scenario, [.. hooks?.Monitors() ?? [], recorder]))
            {
                result = runner.Run(trace.Seed, recorder.Wrap(strategy), new ScheduleInputs(trace.InjectedFaults, trace.Commands));
                // Taken before the machine is shut down: terminating delivers messages too.
                deliveries = [.. recorder.Deliveries];
            }

            var whole = deliveries.Count;
            if (parsed.GetValue(slice))
            {
                deliveries = new RecordedRun(result, deliveries).Slice().Deliveries;
            }

            exporting?.Write(deliveries, result.Failure, $"actorhyper replay {path} (scenario {trace.ScenarioName}, seed {trace.Seed})");
            if (parsed.GetValue(json))
            {
                output.WriteLine(ReplayJson.Of(path, trace, strategy, result, exporting));
                return result.Failure is null ? 0 : CommandErrors.RunFailed;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay: {path}: scenario {trace.ScenarioName}, seed {trace.Seed}, variant {trace.Variant}, {trace.Decisions.Count} decisions (found by {trace.Strategy})"));
            if (trace.Faults.Length > 0 || trace.InjectedFaults.Count > 0)
            {
                output.WriteLine($"faults: {(trace.Faults.Length > 0 ? trace.Faults : "none")}; re-injected: " +
                    (trace.InjectedFaults.Count == 0 ? "none" : string.Join(", ", trace.InjectedFaults)));
            }

            if (strategy.DivergedAt is { } diverged)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"the run left the recorded decisions at step {diverged} (decision {strategy.Matched} names no choice): it went on in the default order"));
            }

            if (result.Failure is { } failure)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"violation: {failure.Monitor} at step {failure.Step} @{failure.At.TotalMilliseconds:0.###} ms: {failure.Reason}"));
                output.WriteLine("  story (receiver ← sender: message):");
                foreach (var line in result.Story)
                {
                    output.WriteLine("    " + line);
                }
            }
            else
            {
                output.WriteLine($"no violation: the trace's {trace.Invariant} did not fail again");
            }

            var same = result.TraceHash == trace.TraceHash;
            output.WriteLine($"trace hash: {ExplorationConfiguration.Format(result.TraceHash)} " +
                (same ? "(the trace's)" : $"(the trace recorded {ExplorationConfiguration.Format(trace.TraceHash)}: the run differs)"));
            if (exporting is not null)
            {
                output.WriteLine($"export: {exporting.Format} of {(deliveries.Count == whole ? "" : $"the story's {deliveries.Count} of the ")}{whole} deliveries written to {exporting.Path}" +
                    (exporting.Format == ReplayExport.Chrome ? " (open it in https://ui.perfetto.dev)" : ""));
            }
            return result.Failure is null ? 0 : CommandErrors.RunFailed;
        }));
        return replay;
    }
}
