using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary><c>explore --faults</c> and <c>replay</c> of a trace with faults, on the 2×2 machine.</summary>
public sealed class FaultExploreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"faults-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly string _scenario;

    public FaultExploreTests()
    {
        Directory.CreateDirectory(_dir);
        _scenario = Path.Combine(_dir, "boot.txt");
        File.WriteAllText(_scenario, $"config: {RepoFiles.Path("hocon/tsar-2x2.conf")}\nrun -nc 1 -i 1\nwait -t 5s\nps\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private JsonElement Explore(string faults, string workers = "1", string iterations = "3")
    {
        var report = Path.Combine(_dir, $"report-{Guid.NewGuid():N}.json");
        var (code, _, error) = HostRunner.Run("explore", "--scenario", _scenario, "--strategy", "random", "--iterations", iterations, "--seed", "0",
            "--workers", workers, "--faults", faults, "--out", Path.Combine(_dir, "traces"), "--report", report);
        Assert.True(code is 0 or 1, error);
        return JsonDocument.Parse(File.ReadAllText(report)).RootElement;
    }

    [Fact]
    public void A_bad_spec_is_one_line_naming_the_item_and_exit_2()
    {
        var (code, output, error) = HostRunner.Run("explore", "--faults", "ipi-lost:0.1,ipi-delay:2:5us");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--faults: item 2 'ipi-delay:2:5us': chance '2' is not a number from 0 to 1", line, StringComparison.Ordinal);

        var (setCode, _, setError) = HostRunner.Run("explore", "--set", "actorhyper.faults=\"core-stall:0.1\"");
        Assert.Equal(2, setCode);
        var setLine = Assert.Single(setError.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("faults: item 1 'core-stall:0.1': core-stall is core-stall:P:DURATION", setLine, StringComparison.Ordinal);
        Assert.Contains("--set", setLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Faults_that_never_fire_leave_every_schedule_as_it_is_without_faults()
    {
        // Every kind armed with chance 0: the injector draws at each opportunity from streams of its
        // own, so the schedules (and the digest over them) are those of a run with no faults at all.
        // (The faults branch also checked, when it was merged, that the no-fault digest equalled the
        // code's before it: 0x4c675448283e5037 at e3ff369.)
        static string Digest(params string[] extra)
        {
            var (code, output, error) = HostRunner.Run(["explore", "--iterations", "3", "--workers", "1", "--json", "--no-progress", .. extra]);
            Assert.True(code == 0, error);
            return JsonDocument.Parse(output).RootElement.GetProperty("digest").GetString()!;
        }

        Assert.Equal(Digest(), Digest("--faults", "ipi-lost:0,core-stall:0:1ms,ioc-read-error:0,dma-fault:0"));
    }

    [Fact]
    public void The_same_seed_and_spec_give_the_same_digest_with_one_worker_or_two()
    {
        const string Spec = "ipi-delay:0.2:20us,core-stall:0.05:100us,ioc-read-error:0.5";
        var one = Explore(Spec, "1", "4");
        var two = Explore(Spec, "2", "4");
        var none = Explore("none", "1", "4");

        Assert.Equal(one.GetProperty("digest").GetString(), two.GetProperty("digest").GetString());
        Assert.NotEqual(one.GetProperty("digest").GetString(), none.GetProperty("digest").GetString());
        Assert.Equal(Spec, one.GetProperty("faults").GetString());
        // The counts of what was injected, the same for any number of workers; none without faults.
        Assert.True(one.GetProperty("faultsInjected").GetInt64() >= one.GetProperty("schedulesWithFaults").GetInt32());
        Assert.InRange(one.GetProperty("schedulesWithFaults").GetInt32(), 1, 4);
        Assert.Equal(one.GetProperty("faultsInjected").GetInt64(), two.GetProperty("faultsInjected").GetInt64());
        Assert.Equal(0, none.GetProperty("faultsInjected").GetInt64());
        Assert.Equal(0, none.GetProperty("schedulesWithFaults").GetInt32());
    }

    [Fact]
    public void A_trace_with_faults_is_shrunk_to_the_fault_that_matters_and_replays_to_the_same_violation()
    {
        var report = Explore("ipi-dup:0.5,core-stall:0.3:10us");
        var violation = report.GetProperty("violations").EnumerateArray().First();
        Assert.Equal("mailbox-overwrite", violation.GetProperty("invariant").GetString());
        Assert.True(violation.GetProperty("faultsBefore").GetInt32() > 1);
        Assert.Equal(1, violation.GetProperty("faultsAfter").GetInt32());
        Assert.StartsWith("ipi-dup@", Assert.Single(violation.GetProperty("injectedFaults").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(3, violation.GetProperty("commandsBefore").GetInt32());
        Assert.True(violation.GetProperty("commandsAfter").GetInt32() < 3);

        var trace = violation.GetProperty("traceFile").GetString()!;
        var file = JsonDocument.Parse(File.ReadAllText(trace)).RootElement;
        Assert.Equal(2, file.GetProperty("formatVersion").GetInt32());
        Assert.Equal("ipi-dup:0.5,core-stall:0.3:10us", file.GetProperty("faults").GetString());
        Assert.Single(file.GetProperty("injectedFaults").EnumerateArray());

        var (code, output, error) = HostRunner.Run("replay", trace);
        Assert.Equal("", error);
        Assert.Equal(1, code);
        Assert.Contains("violation: mailbox-overwrite", output, StringComparison.Ordinal);
        Assert.Contains($"trace hash: {violation.GetProperty("traceHash").GetString()} (the trace's)", output, StringComparison.Ordinal);

        // Without its fault the schedule does not fail: the fault is what the violation needs.
        var edited = JsonNode.Parse(File.ReadAllText(trace))!;
        edited["injectedFaults"] = new JsonArray();
        var unfaulted = Path.Combine(_dir, "unfaulted.json");
        File.WriteAllText(unfaulted, edited.ToJsonString());
        Assert.Equal(0, HostRunner.Run("replay", unfaulted).Code);

        edited["injectedFaults"] = new JsonArray("ipi-dup@nowhere");
        File.WriteAllText(unfaulted, edited.ToJsonString());
        var (badCode, _, badError) = HostRunner.Run("replay", unfaulted);
        Assert.Equal(2, badCode);
        Assert.Equal($"actorhyper: trace {unfaulted}: injectedFaults[0]: 'ipi-dup@nowhere' is not kind@site#occurrence", badError.Trim());
    }

    [Fact]
    public void A_format_1_trace_is_still_read_and_an_unknown_format_is_refused()
    {
        var report = Path.Combine(_dir, "planted.json");
        var (code, _, error) = StepMonitor.Run("explore", "--scenario", _scenario, "--strategy", "random", "--iterations", "1", "--workers", "1",
            "--out", Path.Combine(_dir, "traces"), "--report", report);
        Assert.True(code == 1, error);
        var violation = JsonDocument.Parse(File.ReadAllText(report)).RootElement.GetProperty("violations")[0];
        var old = JsonNode.Parse(File.ReadAllText(violation.GetProperty("traceFile").GetString()!))!.AsObject();
        old["formatVersion"] = 1;
        old.Remove("faults");
        old.Remove("injectedFaults");
        var path = Path.Combine(_dir, "old.json");
        File.WriteAllText(path, old.ToJsonString());

        var (oldCode, output, oldError) = StepMonitor.Run("replay", path);
        Assert.True(oldCode == 1, oldError);
        Assert.Contains($"trace hash: {violation.GetProperty("traceHash").GetString()} (the trace's)", output, StringComparison.Ordinal);

        old["formatVersion"] = 3;
        File.WriteAllText(path, old.ToJsonString());
        var (newCode, _, newError) = StepMonitor.Run("replay", path);
        Assert.Equal(2, newCode);
        Assert.Equal($"actorhyper: trace {path}: formatVersion 3 is not one this program reads (1 to 2)", newError.Trim());
    }
}
