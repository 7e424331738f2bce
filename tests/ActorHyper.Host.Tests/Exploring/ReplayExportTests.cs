using System.Text.RegularExpressions;
using System.Globalization;
using System.Text.Json;

namespace ActorHyper.Host.Tests.Exploring;

/// <summary><c>replay FILE --export chrome|mermaid</c> and <c>replay --json</c>, on a violation planted by <see cref="StepMonitor"/> on a 2×2 machine.</summary>
public sealed class ReplayExportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"replay-export-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public ReplayExportTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "two.txt"), $"config: {RepoFiles.Path("hocon/tsar-2x2.conf")}\nrun -nc 2 -i 6\nwait\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Trace()
    {
        var (code, _, error) = StepMonitor.Run("explore", "--scenario", Path.Combine(_dir, "two.txt"), "--strategy", "random",
            "--iterations", "1", "--seed", "5", "--workers", "1", "--out", Path.Combine(_dir, "traces"), "--no-progress");
        Assert.True(code == 1, error);
        return Assert.Single(Directory.GetFiles(Path.Combine(_dir, "traces"), "*.json"));
    }

    [Fact]
    public void Replay_json_is_one_object_with_the_violation_and_the_trace_hash()
    {
        var trace = Trace();
        var recorded = JsonDocument.Parse(File.ReadAllText(trace)).RootElement;

        var (code, output, error) = StepMonitor.Run("replay", trace, "--json");

        Assert.Equal("", error);
        Assert.Equal(1, code);
        var replay = JsonDocument.Parse(output).RootElement;
        Assert.Equal("planted-step", replay.GetProperty("violation").GetProperty("invariant").GetString());
        Assert.Equal(300, replay.GetProperty("violation").GetProperty("step").GetInt64());
        Assert.Equal(recorded.GetProperty("traceHash").GetString(), replay.GetProperty("traceHash").GetString());
        Assert.True(replay.GetProperty("sameTrace").GetBoolean());
        Assert.Equal(JsonValueKind.Null, replay.GetProperty("divergedAtStep").ValueKind);
        // A summary line, then a screenful of the failing delivery's causal history.
        Assert.InRange(replay.GetProperty("story").GetArrayLength(), 2, 25);
        Assert.StartsWith("the causal history of step #300 ", replay.GetProperty("story")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_exports_a_chrome_trace_with_a_track_per_actor_and_paired_flows_and_keeps_the_trace_hash()
    {
        var trace = Trace();
        var (code, output, error) = StepMonitor.Run("replay", trace, "--export", "chrome");

        Assert.Equal("", error);
        Assert.Equal(1, code);
        var file = Path.ChangeExtension(trace, null) + ".chrome.json";
        Assert.Contains($"export: chrome of 301 deliveries written to {file}", output, StringComparison.Ordinal);
        Assert.Contains("(the trace's)", output, StringComparison.Ordinal);
        var events = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var tracks = events.Where(e => e.GetProperty("name").GetString() == "thread_name").Select(e => e.GetProperty("args").GetProperty("name").GetString()!).ToList();
        Assert.Equal(tracks.Distinct().Count(), tracks.Count);
        Assert.Contains(tracks, t => t.StartsWith("/user/", StringComparison.Ordinal));
        Assert.Equal(301, events.Count(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() is "message" or "timer"));
        var starts = events.Where(e => e.GetProperty("ph").GetString() == "s").Select(e => e.GetProperty("id").GetInt64()).Order().ToList();
        Assert.True(starts.Count > 100, $"{starts.Count} flows");
        Assert.Equal(starts, events.Where(e => e.GetProperty("ph").GetString() == "f").Select(e => e.GetProperty("id").GetInt64()).Order());
    }

    [Fact]
    public void Replay_exports_a_mermaid_sequence_diagram_where_asked()
    {
        var trace = Trace();
        var file = Path.Combine(_dir, "run.mmd");
        var (code, output, error) = StepMonitor.Run("replay", trace, "--export", "mermaid", "--export-out", file, "--json");

        Assert.Equal("", error);
        Assert.Equal(1, code);
        Assert.Equal(file, JsonDocument.Parse(output).RootElement.GetProperty("export").GetProperty("file").GetString());
        var lines = File.ReadAllLines(file);
        Assert.Equal("sequenceDiagram", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("    participant p1 as ", StringComparison.Ordinal));
        Assert.Equal(301, lines.Count(l => l.Contains("->>", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Note over", StringComparison.Ordinal) && l.Contains("violation planted-step at step 300", StringComparison.Ordinal));
    }

    [Fact]
    public void Replay_with_slice_draws_only_the_deliveries_the_story_shows()
    {
        var trace = Trace();
        var file = Path.Combine(_dir, "slice.mmd");
        var (code, output, error) = StepMonitor.Run("replay", trace, "--export", "mermaid", "--export-out", file, "--slice");

        Assert.Equal("", error);
        Assert.Equal(1, code);
        // The story's summary says how many of the history it shows; the diagram has an arrow for each, ending on the violation.
        var shown = int.Parse(Regex.Match(output, @"the causal history of step #300 \([^)]*\): \d+ deliveries before it, \d+ of them out of the default order \(\*\); (\d+) shown").Groups[1].Value,
            CultureInfo.InvariantCulture);
        Assert.Contains($"export: mermaid of the story's {shown} of the 301 deliveries written to {file}", output, StringComparison.Ordinal);
        var arrows = File.ReadAllLines(file).Where(l => l.Contains("->>", StringComparison.Ordinal)).ToList();
        Assert.Equal(shown, arrows.Count);
        Assert.InRange(shown, 1, 300);
        Assert.Contains(": 300 ", arrows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_without_an_export_exits_2_with_one_line()
    {
        var (code, output, error) = StepMonitor.Run("replay", Trace(), "--slice");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("actorhyper: replay: --slice chooses what --export draws: give --export chrome or --export mermaid with it", error.Trim());
    }

    [Theory]
    [InlineData("--export", "svg", "actorhyper: replay: --export must be chrome or mermaid, got 'svg'")]
    [InlineData("--export-out", "x.mmd", "actorhyper: replay: --export-out needs --export chrome|mermaid")]
    public void Bad_export_options_exit_2_with_one_line(string option, string value, string message)
    {
        var trace = Trace();
        var (code, output, error) = StepMonitor.Run("replay", trace, option, value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(message, error.Trim());
    }
}
