using ActorHyper.Host.Configuration;
using ActorHyper.Host.Shell;

namespace ActorHyper.EndToEnd.Tests;

/// <summary>
/// The same seed and configuration give the same controlled run, step for step, in any process:
/// two runs of the program print the same trace, and a machine power-cycled through many other
/// seeds in this process reaches the same trace for that seed.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly string[] Scenario = ["run -nc 2 -i 6", "run -nc 3 -i 2", "wait"];

    private static string Trace(ulong seed)
    {
        var (code, output, error) = ProgramRunner.Run(["exec", "--controlled", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--trace", .. Scenario]);
        Assert.True(code == 0, error);
        var trace = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        Assert.StartsWith($"trace: seed {seed}, ", trace, StringComparison.Ordinal);
        return trace;
    }

    [Fact]
    public void Two_processes_with_the_same_seed_print_the_same_trace_and_another_seed_another()
    {
        var first = Trace(42);
        Assert.Equal(first, Trace(42));
        Assert.NotEqual(first, Trace(43));
    }

    [Fact]
    public void A_seed_traces_the_same_first_in_a_new_process_and_after_a_thousand_other_seeds_on_a_power_cycled_machine()
    {
        var expected = Trace(42);
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null, ["actorhyper.runtime.mode = controlled", "actorhyper.runtime.seed = 7"], _ => null));
        using var session = HypervisorSession.Start(options, Serilog.Core.Logger.None);
        for (ulong seed = 1000; seed < 2000; seed++)
        {
            session.PowerCycle(seed);
            RunScenario(session);
        }

        session.PowerCycle(42);
        RunScenario(session);
        Assert.Equal(expected, TraceSummary.Of(session.Driver!).Text);
    }

    /// <summary>What exec does: the commands, then the silent ps that tells whether an instance failed.</summary>
    private static void RunScenario(HypervisorSession session)
    {
        foreach (var command in Scenario)
        {
            Assert.True(session.Execute(command).Succeeded, command);
        }

        Assert.False(session.AnyInstanceFailed());
    }
}
