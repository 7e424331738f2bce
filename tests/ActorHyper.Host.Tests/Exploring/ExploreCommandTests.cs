using System.Text.Json;

namespace ActorHyper.Host.Tests.Exploring;

public sealed class ExploreCommandTests
{
    [Fact]
    public void The_default_scenario_explores_without_violation_and_reports_every_field()
    {
        var (code, output, error) = HostRunner.Run("explore", "--iterations", "3", "--workers", "1", "--json");

        // Progress goes to stderr, a line per tenth: stdout is the report alone.
        Assert.Equal(["explore: 1/3 schedules (30%)", "explore: 2/3 schedules (60%)", "explore: 3/3 schedules (100%)"],
            error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, code);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("default", report.GetProperty("scenario").GetString());
        Assert.Equal("portfolio", report.GetProperty("strategy").GetString());
        Assert.Equal(3, report.GetProperty("schedules").GetInt32());
        Assert.True(report.GetProperty("schedulesPerSecond").GetDouble() > 0);
        Assert.InRange(report.GetProperty("distinctInterleavings").GetInt32(), 2, 3);
        Assert.StartsWith("0x", report.GetProperty("digest").GetString(), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], report.GetProperty("pctBounds").EnumerateArray().Select(b => b.GetProperty("depth").GetInt32()));
        Assert.Empty(report.GetProperty("violations").EnumerateArray());
    }

    [Fact]
    public void One_worker_or_two_explore_the_same_schedules_of_the_machine()
    {
        static JsonElement Explore(string workers)
        {
            var (code, output, error) = HostRunner.Run("explore", "--scenario", "launch-kill", "--strategy", "pos", "--iterations", "4",
                "--seed", "11", "--workers", workers, "--json");
            Assert.True(code == 0, error);
            return JsonDocument.Parse(output).RootElement;
        }

        var one = Explore("1");
        var two = Explore("2");

        Assert.Equal(4, two.GetProperty("schedules").GetInt32());
        Assert.Equal(one.GetProperty("digest").GetString(), two.GetProperty("digest").GetString());
        Assert.Equal(one.GetProperty("maxSteps").GetInt64(), two.GetProperty("maxSteps").GetInt64());
    }

    [Fact]
    public void Dfs_searches_the_smallest_machine_alike_on_one_worker_or_two_and_says_how_far_it_got()
    {
        static JsonElement Explore(string workers)
        {
            var (code, output, error) = HostRunner.Run("explore", "--scenario", "smallest", "--strategy", "dfs", "--iterations", "12",
                "--workers", workers, "--json");
            Assert.True(code == 0, error);
            return JsonDocument.Parse(output).RootElement;
        }

        var one = Explore("1");
        var two = Explore("2");

        Assert.Equal("dfs", one.GetProperty("strategy").GetString());
        Assert.Equal(12, one.GetProperty("schedules").GetInt32());
        Assert.Equal(one.GetProperty("digest").GetString(), two.GetProperty("digest").GetString());
        var dfs = one.GetProperty("dfs");
        Assert.False(dfs.GetProperty("exhaustive").GetBoolean());
        Assert.True(dfs.GetProperty("stateCaching").GetBoolean());
        Assert.Equal(dfs.GetProperty("states").GetInt64(), two.GetProperty("dfs").GetProperty("states").GetInt64());
        // One schedule's run from power-on: a new state at each of its steps, then the branches near its end.
        var perStep = dfs.GetProperty("statesPerDepth").EnumerateArray().Select(static n => n.GetInt64()).ToList();
        Assert.Equal(one.GetProperty("maxSteps").GetInt64(), perStep.Count);
        Assert.Equal(dfs.GetProperty("states").GetInt64(), perStep.Sum());
        // How far it has to go: an estimate of the tree, far above the 12 schedules run.
        Assert.True(dfs.GetProperty("estimatedSchedulesLog10").GetDouble() > Math.Log10(12));
        Assert.True(dfs.GetProperty("coveredWeightLog10").GetDouble() < 0);

        var (code, text, progress) = HostRunner.Run("explore", "--scenario", "smallest", "--strategy", "dfs", "--iterations", "20", "--workers", "1");
        Assert.Equal(0, code);
        Assert.Matches(@"\nestimate: +about \S+ schedules in all, \S+ left \(\S+ of the tree's weight covered\) \(weighted backtrack estimate: low early on\)\r?\n", text);
        // The progress lines carry it too.
        Assert.Matches(@"explore: 20/20 schedules \(100%\); tree: about \S+ schedules in all", progress);
    }

    [Fact]
    public void Dfs_within_a_deviation_bound_is_exhaustive_and_says_so()
    {
        var (code, output, error) = HostRunner.Run("explore", "--scenario", "smallest", "--strategy", "dfs", "--depth", "0");

        Assert.True(code == 0, error);
        Assert.Matches(@"exhaustive: 1 schedules, \d+ states, no violation \(within 0 deviation\(s\) from the default order\)", output);
        Assert.Contains("1 worker (a search runs on one)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pcts_timer_handling_is_an_option_and_the_report_states_it()
    {
        var (code, output, _) = HostRunner.Run("explore", "--strategy", "pct", "--iterations", "2", "--workers", "1", "--no-progress", "--pct-overdue", "200us");
        Assert.Equal(0, code);
        Assert.Matches(@"\npct: +priorities over the first \d+ steps \(the change points among them\), then a random walk; a due timer beats ready messages at most d times a run and goes first once 200 µs overdue\r?\n", output);

        var (_, json, _) = HostRunner.Run("explore", "--strategy", "portfolio", "--iterations", "2", "--workers", "1", "--json");
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal(1000, report.GetProperty("pctOverdueMicroseconds").GetDouble());
        Assert.True(report.GetProperty("pctSteps").GetInt64() > 100);

        foreach (var bad in new[] { "0ms", "soon", "-1ms" })
        {
            var (badCode, badOutput, badError) = HostRunner.Run("explore", "--pct-overdue", bad);
            Assert.Equal(2, badCode);
            Assert.Equal("", badOutput);
            Assert.Contains($"--pct-overdue must be a duration above zero such as 1ms or 200us, got '{bad}'", badError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Usage_errors_exit_2_with_one_line()
    {
        var (code, _, error) = HostRunner.Run("explore", "--variant", "no-such-variant");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown variant 'no-such-variant'", line, StringComparison.Ordinal);
        Assert.Contains("racy-allocation", line, StringComparison.Ordinal);

        Assert.Equal(2, HostRunner.Run("explore", "--strategy", "bfs").Code);
        var (depthCode, _, depthError) = HostRunner.Run("explore", "--strategy", "pct", "--depth", "0");
        Assert.Equal(2, depthCode);
        Assert.Equal("actorhyper: --depth 0: PCT's depth is at least 1 (0 bounds dfs only)", depthError.Trim());
        Assert.Equal(2, HostRunner.Run("explore", "--iterations", "0").Code);

        var (reportCode, _, reportError) = HostRunner.Run("explore", "--report", "/no/such/dir/report.json");
        Assert.Equal(2, reportCode);
        Assert.Equal("actorhyper: --report /no/such/dir/report.json: no directory /no/such/dir", reportError.Trim());
    }

    [Fact]
    public void A_bad_scenario_file_is_one_line_with_its_line_number_and_exit_2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-scenario-{Environment.ProcessId}.txt");
        File.WriteAllText(file, "# a comment\nrun -nc 2 -i 6\n\nrun -nc 2 -x 6 & wait\n");
        try
        {
            var (code, output, error) = HostRunner.Run("explore", "--scenario", file);

            Assert.Equal(2, code);
            Assert.Equal("", output);
            var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"scenario {file}:4: 'run -nc 2 -x 6':", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        var (missingCode, _, missing) = HostRunner.Run("explore", "--scenario", "no-such-scenario");
        Assert.Equal(2, missingCode);
        Assert.Contains("not a built-in scenario (default, launch-kill, kill-during-dma, smallest, full-machine)", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void The_machines_warnings_show_only_with_verbose()
    {
        // Every boot of this variant fails with a warning; a thousand schedules would print a thousand.
        static string Errors(params string[] extra)
        {
            var (code, _, error) = HostRunner.Run(["explore", "--variant", "hat-code-wrong-offset", "--iterations", "1", "--workers", "1",
                "--no-progress", "--out", Path.Combine(Path.GetTempPath(), $"quiet-{Environment.ProcessId}"), .. extra]);
            Assert.Equal(1, code);
            return error;
        }

        Assert.DoesNotContain(" WRN]", Errors(), StringComparison.Ordinal);
        Assert.Contains(" WRN]", Errors("--verbose"), StringComparison.Ordinal);
    }
}
