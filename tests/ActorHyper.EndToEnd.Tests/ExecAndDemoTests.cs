using System.Text.Json;

namespace ActorHyper.EndToEnd.Tests;

public sealed class ExecAndDemoTests
{
    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Exec_prints_one_json_line_per_command_and_exits_0()
    {
        var (code, output, error) = ProgramRunner.Run("exec", "--controlled", "--json", "run -nc 2 -i 6", "wait -i 6", "ps");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = Lines(output).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["run -nc 2 -i 6", "wait -i 6", "ps"], lines.Select(l => l.GetProperty("command").GetString()));
        Assert.Equal("Booting", lines[0].GetProperty("instance").GetProperty("state").GetString());
        var instance = Assert.Single(lines[2].GetProperty("instances").EnumerateArray());
        Assert.Equal(6, instance.GetProperty("id").GetInt32());
        Assert.Equal("Running", instance.GetProperty("state").GetString());
        Assert.Equal(2, instance.GetProperty("clusters").GetArrayLength());
    }

    [Fact]
    public void Exec_with_a_refused_command_exits_1()
    {
        var (code, output, error) = ProgramRunner.Run("exec", "--controlled", "kill -i 9");
        Assert.Equal(1, code);
        Assert.Equal("", error);
        Assert.Equal(["> kill -i 9", "error: no instance 9: none is running"], Lines(output));
    }

    [Fact]
    public void The_demo_runs_both_instances_in_the_configured_mode_and_exits_0()
    {
        var (code, output, error) = ProgramRunner.Run("demo");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Contains("concurrent mode", lines[0], StringComparison.Ordinal);
        Assert.Contains("Cluster map", lines);
        Assert.Contains(lines, line => line.StartsWith("2   Running  ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("6   Running  ", StringComparison.Ordinal));
        Assert.Contains("Boot output of instance 6 (TTY 0, sub-channel 0)", lines);
        Assert.Contains("Boot output of instance 2 (TTY 1, sub-channel 0)", lines);
        Assert.Contains("off: node 6 up: 8 cores, 2 clusters, 128 MiB", lines);
        Assert.Contains("off: node 2 up: 12 cores, 3 clusters, 192 MiB", lines);
    }

    [Fact]
    public void A_usage_error_is_one_line_without_a_stack_trace()
    {
        var (code, output, error) = ProgramRunner.Run("exec", "--seed", "minus-one", "ps");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("actorhyper: --seed must be a non-negative whole number", Assert.Single(Lines(error)), StringComparison.Ordinal);
    }
}
