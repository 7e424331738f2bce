using System.Text.Json;
using Xunit.Abstractions;

namespace ActorHyper.Host.Tests.Soak;

/// <summary>
/// <c>actorhyper soak</c>, short, in-process, on real threads: a correct machine passes, a planted race
/// is caught and its scenario explores to the same invariant, faults end every boot with a reason, a
/// boot that never settles is a hang with a dump, and bad options are one line and exit 2.
/// </summary>
[Collection("soak")]
public sealed class SoakCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo findings = Directory.CreateTempSubdirectory("actorhyper-soak-");

    public void Dispose() => findings.Delete(recursive: true);

    private (int Code, JsonElement Report, string Err) Soak(params string[] args)
    {
        var (code, stdout, stderr) = HostRunner.Run(["soak", "--no-progress", "--json", "--out", findings.FullName, .. args]);
        output.WriteLine($"exit {code}\n{stdout}\n{stderr}");
        return (code, JsonDocument.Parse(stdout).RootElement, stderr);
    }

    [Fact]
    public void A_short_soak_of_the_default_machine_boots_and_kills_with_no_leak_no_hang_no_violation()
    {
        var (code, report, _) = Soak("--duration", "4s", "--check-every", "1s", "--seed", "3");

        Assert.Equal(0, code);
        Assert.True(report.GetProperty("passed").GetBoolean());
        Assert.True(report.GetProperty("boots").GetInt64() > 0, "it booted instances");
        Assert.True(report.GetProperty("kills").GetInt64() > 0, "it killed instances");
        Assert.True(report.GetProperty("checks").GetInt64() >= 2, "it made quiescent points and checked them");
        Assert.Equal(0, report.GetProperty("violations").GetArrayLength());
        Assert.Equal(0, report.GetProperty("leaks").GetArrayLength());
        Assert.Equal(0, report.GetProperty("hangs").GetArrayLength());
        Assert.Equal(0, report.GetProperty("deadLetters").GetProperty("unexpected").GetInt64());
        Assert.True(report.GetProperty("messagesPerSecond").GetDouble() > 0, "the monitors counted the machine's messages");
        Assert.True(report.GetProperty("bootLatencyP99Ms").GetDouble() >= report.GetProperty("bootLatencyP50Ms").GetDouble());
    }

    [Fact]
    public void The_racy_allocation_is_caught_on_real_threads_and_its_scenario_explores_to_the_same_invariant()
    {
        var (code, report, _) = Soak("--duration", "30s", "--variant", "racy-allocation");

        Assert.Equal(1, code);
        Assert.Equal("violation", report.GetProperty("ended").GetString());
        var violation = report.GetProperty("violations")[0];
        Assert.Equal("single-owner", violation.GetProperty("invariant").GetString());
        Assert.NotEqual(JsonValueKind.Null, violation.GetProperty("instance").ValueKind);
        Assert.True(violation.GetProperty("story").GetArrayLength() > 0, "the violation has a story");
        var scenario = violation.GetProperty("scenarioFile").GetString()!;
        Assert.True(File.Exists(scenario), scenario);
        Assert.Contains("--variant racy-allocation", violation.GetProperty("exploreCommand").GetString(), StringComparison.Ordinal);

        // Real threads found it; the controlled explorer, given the same commands, finds the same invariant.
        var (exploreCode, explored, _) = HostRunner.Run("explore", "--scenario", scenario, "--variant", "racy-allocation",
            "--iterations", "50", "--workers", "1", "--json", "--no-progress", "--out", findings.FullName);
        Assert.Equal(1, exploreCode);
        var found = JsonDocument.Parse(explored).RootElement.GetProperty("violations")[0];
        Assert.Equal("single-owner", found.GetProperty("invariant").GetString());
    }

    [Fact]
    public void Faults_end_every_boot_Running_or_Failed_with_a_reason_and_every_resource_comes_back()
    {
        var (code, report, _) = Soak("--duration", "5s", "--check-every", "1s", "--faults", "ipi-lost:0.02,ioc-read-error:0.2,dma-fault:0.1");

        Assert.Equal(0, code);
        var failures = report.GetProperty("failures").EnumerateObject().ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, failure => Assert.False(string.IsNullOrWhiteSpace(failure.Name)));
        Assert.Equal(0, report.GetProperty("leaks").GetArrayLength());
        Assert.Equal(0, report.GetProperty("hangs").GetArrayLength());
        Assert.Equal(0, report.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public void A_machine_that_stops_answering_is_a_hang_with_the_commands_in_flight_and_the_units_that_are_not_idle()
    {
        // Every core stalls for a minute at its next step: the shell stops answering at once.
        var (code, report, _) = Soak("--duration", "20s", "--faults", "core-stall:1:60s", "--hang-timeout", "2s");

        Assert.Equal(1, code);
        Assert.Equal("hang", report.GetProperty("ended").GetString());
        var hang = report.GetProperty("hangs")[0];
        var detail = string.Join("\n", hang.GetProperty("detail").EnumerateArray().Select(static line => line.GetString()));
        Assert.Contains("commands in flight", detail, StringComparison.Ordinal);
        Assert.Contains("run -nc", detail, StringComparison.Ordinal);
        Assert.Contains("not idle", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_file_holds_every_field_the_summary_promises()
    {
        var file = Path.Combine(findings.FullName, "report.json");
        var (code, _, _) = Soak("--duration", "2s", "--report", file);

        Assert.Equal(0, code);
        var report = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        foreach (var field in new[]
                 {
                     "seed", "duration", "boots", "kills", "failures", "violations", "leaks", "hangs", "bootLatencyP50Ms", "bootLatencyP99Ms",
                     "messagesPerSecond", "deadLetters", "mailboxOverwrites", "heapAfterWarmupBytes", "heapEndBytes", "peakRssBytes",
                 })
        {
            Assert.True(report.TryGetProperty(field, out _), $"the report has '{field}'");
        }
    }

    [Theory]
    [InlineData("--duration", "0s", "--duration")]
    [InlineData("--duration", "5x", "--duration")]
    [InlineData("--in-flight", "0", "--in-flight")]
    [InlineData("--faults", "command@step=5:kill -i 1", "commands at a step")]
    [InlineData("--variant", "sloppy", "unknown variant")]
    [InlineData("--report", "/no/such/folder/r.json", "no directory")]
    public void A_bad_option_is_one_line_and_exit_2_before_any_machine_starts(string option, string value, string says)
    {
        var (code, stdout, stderr) = HostRunner.Run("soak", option, value);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(says, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
