using System.Text.Json;
using ActorHyper.Exploration.Exploring;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary>
/// A violation found by explore (planted by <see cref="StepMonitor"/>, on a 2×2 machine named by the
/// scenario's <c>config:</c> line) gives a trace file that replay re-runs to the same hash, and only
/// under the same configuration.
/// </summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"explore-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public ReplayCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "two.txt"), $"config: {RepoFiles.Path("hocon/tsar-2x2.conf")}\n# one instance\nrun -nc 2 -i 6\nwait\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Trace, JsonElement Report) Explore()
    {
        var report = Path.Combine(_dir, "report.json");
        var (code, output, error) = StepMonitor.Run("explore", "--scenario", Path.Combine(_dir, "two.txt"), "--strategy", "random",
            "--iterations", "3", "--seed", "5", "--workers", "1", "--out", Path.Combine(_dir, "traces"), "--report", report, "--no-progress");
        Assert.True(error.Length == 0, error);
        Assert.Equal(1, code);
        // Iteration 0 of seed 5 runs with the seed mixed from the two, which its trace keeps.
        Assert.Contains($"violation: planted-step at iteration 0 (seed {IterationSeed.Of(5, 0)}, random), step 300", output, StringComparison.Ordinal);
        Assert.Contains(" ← ", output, StringComparison.Ordinal);
        Assert.Contains("first violation after:  1 schedule(s), ", output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        // Found by the first schedule, before its shrinking, which the elapsed time includes.
        var first = json.GetProperty("firstViolationAfter");
        Assert.Equal(1, first.GetProperty("schedules").GetInt64());
        Assert.InRange(first.GetProperty("seconds").GetDouble(), 0, json.GetProperty("elapsedSeconds").GetDouble());
        Assert.Equal(0, json.GetProperty("deadLetters").GetInt64());
        var violation = Assert.Single(json.GetProperty("violations").EnumerateArray());
        return (violation.GetProperty("traceFile").GetString()!, violation);
    }

    [Fact]
    public void Replay_of_an_explored_violation_prints_it_again_with_the_same_trace_hash()
    {
        var (trace, violation) = Explore();
        Assert.Equal(2, JsonDocument.Parse(File.ReadAllText(trace)).RootElement.GetProperty("formatVersion").GetInt32());
        Assert.Equal(IterationSeed.Of(5, 0), JsonDocument.Parse(File.ReadAllText(trace)).RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal(0, violation.GetProperty("deviationsAfter").GetInt32());
        Assert.True(violation.GetProperty("deviationsBefore").GetInt32() > 0);

        var (code, output, error) = StepMonitor.Run("replay", trace);

        Assert.Equal("", error);
        Assert.Equal(1, code);
        Assert.Contains("violation: planted-step at step 300", output, StringComparison.Ordinal);
        Assert.Contains($"trace hash: {violation.GetProperty("traceHash").GetString()} (the trace's)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_refuses_a_trace_made_under_another_configuration_and_a_malformed_file()
    {
        var (trace, _) = Explore();

        var (code, _, error) = StepMonitor.Run("replay", trace, "--set", "actorhyper.hypervisor.wait-timeout=31s");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("was made under another configuration", line, StringComparison.Ordinal);

        var broken = Path.Combine(_dir, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(trace).Replace("\"seed\"", "\"seeds\"", StringComparison.Ordinal));
        var (brokenCode, _, brokenError) = StepMonitor.Run("replay", broken);
        Assert.Equal(2, brokenCode);
        Assert.Equal($"actorhyper: trace {broken}: seed: missing", brokenError.Trim());

        File.WriteAllText(broken, "{ \"formatVersion\": 1, ");
        var (jsonCode, _, jsonError) = StepMonitor.Run("replay", broken);
        Assert.Equal(2, jsonCode);
        Assert.StartsWith($"actorhyper: trace {broken}: not JSON", jsonError.Trim(), StringComparison.Ordinal);
    }
}
