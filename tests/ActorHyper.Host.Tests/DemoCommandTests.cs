namespace ActorHyper.Host.Tests;

public sealed class DemoCommandTests
{
    private static string[] Lines(string text) => text.Split(Environment.NewLine);

    [Fact]
    public void The_demo_shows_the_map_both_instances_running_and_their_boot_output()
    {
        var (code, output, error) = HostRunner.Run("demo", "--controlled", "--seed", "3");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Equal("ActorHyper demo: a 4x4 machine (16 clusters of 4 cores), controlled mode, seed 3", lines[0]);

        var map = Array.IndexOf(lines, "Cluster map");
        Assert.True(map > 0, output);
        Assert.Equal("y", lines[map + 1]);
        var grid = lines[(map + 2)..(map + 6)];
        Assert.StartsWith("0 HV", grid[3], StringComparison.Ordinal);
        var cells = string.Join(" ", grid.Select(row => row[2..])).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, cells.Count(c => c == "6"));
        Assert.Equal(3, cells.Count(c => c == "2"));
        Assert.Equal(10, cells.Count(c => c == "."));

        var table = Array.IndexOf(lines, "Instances");
        Assert.Equal("ID  STATE    CLUSTERS           IOC  TTY  FB  CORES", lines[table + 1]);
        Assert.StartsWith("2   Running  ", lines[table + 2], StringComparison.Ordinal);
        Assert.StartsWith("6   Running  ", lines[table + 3], StringComparison.Ordinal);
        foreach (var (id, tty) in new[] { (2, 1), (6, 0) })
        {
            var heading = Array.IndexOf(lines, $"Boot output of instance {id} (TTY {tty}, sub-channel 0)");
            Assert.True(heading > table, output);
            Assert.Equal("off: memory bank 0 started, id n" + id + ".1/1", lines[heading + 1]);
            var banner = Array.FindIndex(lines, heading, line => line.StartsWith($"off: node {id} up: ", StringComparison.Ordinal));
            Assert.True(banner > heading, output);
            Assert.Equal($"off: node {id} up: {(id == 2 ? 12 : 8)} cores, {(id == 2 ? 3 : 2)} clusters, {(id == 2 ? 192 : 128)} MiB", lines[banner]);
        }
    }

    [Fact]
    public void On_a_machine_too_small_for_both_the_refused_launch_is_one_line_and_exits_1()
    {
        var (code, output, error) = HostRunner.Run("demo", "--controlled", "--config", RepoFiles.Path("hocon/tsar-2x2.conf"));
        Assert.Equal(1, code);
        Assert.Equal("", error);
        var refusal = Assert.Single(Lines(output), line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal("error: run -nc 3 -i 2: cannot allocate 3 clusters: only 1 is free", refusal);
        Assert.Contains(Lines(output), line => line.StartsWith("6   Running  ", StringComparison.Ordinal));
    }
}
