using System.Text.Json;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary>
/// Every protocol variant is found by the default strategy from <c>--seed 1</c>, its shrunk trace keeps
/// at most a quarter of the original's deviations, and the trace replays to the same invariant and
/// hash. Five variants break every boot of the default scenario, so iteration 0 finds them.
/// racy-allocation needs two launches in flight at once, which the default scenario never has (its
/// two <c>run</c>s are typed one after the other). The full machine's three <c>run</c>s typed
/// together have them, and its first schedule finds two instances owning one cluster.
/// </summary>
public sealed class VariantSweepTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"sweep-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public VariantSweepTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("ipi-before-hat-config", "hat-configured-first")]
    [InlineData("hat-code-wrong-offset", "code-in-place")]
    [InlineData("unlatched-wakeup", "liveness")]
    [InlineData("late-interrupt-routing", "routes-before-hand-off")]
    [InlineData("early-nonboot-cpus", "boot-order")]
    public void A_variant_that_breaks_every_boot_is_found_at_the_first_iteration_shrunk_and_replayed(string variant, string invariant)
    {
        var violation = Explore(variant, "--seed", "1", "--iterations", "5");

        Assert.Equal(0, violation.GetProperty("iteration").GetInt32());
        AssertFoundShrunkAndReplayed(violation, invariant);
    }

    [Fact]
    public void Racy_allocation_is_found_where_launches_meet_at_the_first_iteration_shrunk_and_replayed()
    {
        var violation = Explore("racy-allocation", "--scenario", "full-machine", "--seed", "1", "--iterations", "5");

        Assert.Equal(0, violation.GetProperty("iteration").GetInt32());
        AssertFoundShrunkAndReplayed(violation, "single-owner");
    }

    private JsonElement Explore(string variant, params string[] options)
    {
        var report = Path.Combine(_dir, $"{variant}.json");
        var (code, _, error) = HostRunner.Run(["explore", "--variant", variant, "--workers", "1", "--out", Path.Combine(_dir, "traces"),
            "--report", report, .. options]);
        Assert.True(code == 1, $"explore --variant {variant} exited {code}: {error}");
        return Assert.Single(JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("violations").EnumerateArray());
    }

    private static void AssertFoundShrunkAndReplayed(JsonElement violation, string invariant)
    {
        Assert.Equal(invariant, violation.GetProperty("invariant").GetString());
        var before = violation.GetProperty("deviationsBefore").GetInt32();
        var after = violation.GetProperty("deviationsAfter").GetInt32();
        Assert.True(after * 4 <= before, $"shrunk to {after} of {before} deviations");

        var (code, output, error) = HostRunner.Run("replay", violation.GetProperty("traceFile").GetString()!);
        Assert.True(code == 1, $"replay exited {code}: {error}");
        Assert.Contains($"violation: {invariant} ", output, StringComparison.Ordinal);
        Assert.Contains($"trace hash: {violation.GetProperty("traceHash").GetString()} (the trace's)", output, StringComparison.Ordinal);
    }
}
