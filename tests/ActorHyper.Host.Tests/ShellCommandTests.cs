using System.Text.Json;
using ActorHyper.Hardware.Display;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ActorHyper.Host.Tests;

/// <summary><c>actorhyper shell</c> fed through standard input: the same commands as typed ones, answered as a transcript.</summary>
public sealed class ShellCommandTests
{
    private static string Input(params string[] lines) => string.Join("\n", lines) + "\n";

    private static string[] Lines(string text) => text.Split(Environment.NewLine);

    [Fact]
    public void Piped_commands_are_answered_in_order_without_a_prompt_and_end_of_input_leaves_with_exit_0()
    {
        var (code, output, error) = HostRunner.RunWithInput(Input("run -nc 2 -i 6", "wait -i 6", "map", "list"),
            "shell", "--controlled", "--seed", "7");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.DoesNotContain("actorhyper>", output, StringComparison.Ordinal);
        Assert.Equal(
            [
                "> run -nc 2 -i 6",
                "instance 6 Booting on clusters (0,1) (0,2), IOC 6, TTY 0, FB 0, 8 cores",
                "> wait -i 6",
                "ID  STATE    CLUSTERS     IOC  TTY  FB  CORES",
                "6   Running  (0,1) (0,2)  6    0    0   8",
                "> map",
                "y",
                "3  .  .  .  .",
                "2  6  .  .  .",
                "1  6  .  .  .",
                "0 HV  .  .  .",
                "   0  1  2  3  x",
                "HV hypervisor, . free, a number: the instance holding the cluster; I/O cluster (0,0)",
                "> list",
                "ID  STATE    CLUSTERS     IOC  TTY  FB  CORES",
                "6   Running  (0,1) (0,2)  6    0    0   8",
                "",
            ],
            Lines(output));
    }

    [Fact]
    public void A_typo_gets_the_nearest_command_suggested_and_the_session_goes_on()
    {
        var (code, output, _) = HostRunner.RunWithInput(Input("rnu -nc 2 -i 6", "ps"), "shell", "--controlled");
        Assert.Equal(0, code);
        Assert.Equal(["> rnu -nc 2 -i 6", "error: unknown command 'rnu' — did you mean 'run'? (try 'help')", "> ps", "no instances", ""], Lines(output));
    }

    [Fact]
    public void Help_run_shows_the_syntax_and_each_option()
    {
        var (code, output, _) = HostRunner.RunWithInput(Input("help run"), "shell", "--controlled");
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Equal("> help run", lines[0]);
        Assert.StartsWith("run -nc N -i I ", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.TrimStart().StartsWith("-nc N", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.TrimStart().StartsWith("-i I", StringComparison.Ordinal));
    }

    [Fact]
    public void Destroy_is_kill_and_exit_ends_the_session_there()
    {
        var (code, output, _) = HostRunner.RunWithInput(Input("run -nc 1 -i 3", "destroy -i 3", "list", "exit", "run -nc 1 -i 4"),
            "shell", "--controlled");
        Assert.Equal(0, code);
        Assert.Equal(
            [
                "> run -nc 1 -i 3",
                "instance 3 Booting on clusters (0,1), IOC 3, TTY 0, FB 0, 4 cores",
                "> destroy -i 3",
                "instance 3 Stopped: clusters (0,1), IOC 3, TTY 0, FB 0 returned",
                "> list",
                "no instances",
                "",
            ],
            Lines(output));
    }

    [Fact]
    public void Console_follows_the_boot_to_its_banner_then_returns()
    {
        var (code, output, _) = HostRunner.RunWithInput(Input("run -nc 2 -i 6", "console -i 6", "ps"), "shell", "--controlled", "--seed", "2");
        Assert.Equal(0, code);
        var lines = Lines(output);
        var banner = Array.IndexOf(lines, "off: node 6 up: 8 cores, 2 clusters, 128 MiB");
        Assert.True(banner > Array.IndexOf(lines, "> console -i 6"), output);
        Assert.Equal("(instance 6 is Running: its console is quiet from here)", lines[banner + 1]);
        Assert.Equal("> ps", lines[banner + 2]);
    }

    [Fact]
    public void Info_and_timeline_show_the_steps_the_cores_and_the_hat_table()
    {
        var (code, output, _) = HostRunner.RunWithInput(Input("run -nc 2 -i 6", "wait", "info -i 6", "timeline -i 6"), "shell", "--controlled");
        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Contains("steps:", lines);
        Assert.Contains("cores:", lines);
        Assert.Contains(lines, line => line.StartsWith("  P0 (0,1)  ", StringComparison.Ordinal));
        Assert.Contains("HAT table (each core's and DMA's): instance 6: k0->(0,1) k1->(0,2), IOC 6, TTY 0, FB 0, Running slot 16", lines);
        Assert.Contains("instance 6 Running: 12 steps", lines);
        // Virtual time moves with work (1 µs a delivery), so the hand-off comes a fraction of a millisecond in.
        Assert.Contains(lines, line => line.StartsWith("  +0.", StringComparison.Ordinal) && line.Contains(" ms  HandOff", StringComparison.Ordinal));
    }

    [Fact]
    public void Fb_png_writes_a_png_whose_bar_is_painted_in_the_instances_colour()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorhyper-fb-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, _) = HostRunner.RunWithInput(Input("run -nc 2 -i 6", "wait", $"fb -i 6 --png {file}"), "shell", "--controlled");
            Assert.Equal(0, code);
            Assert.Contains($"frame buffer 0 of instance 6 written to {file} (256x64 PNG", output, StringComparison.Ordinal);

            using var image = Image.Load<Rgb24>(file);
            Assert.Equal(FrameGeometry.Width, image.Width);
            Assert.Equal(FrameGeometry.Height, image.Height);
            var colour = InstanceColors.Of(6);
            var bar = FrameGeometry.EmptyBar;
            // The whole bar is painted (the guest ran every server), the margin around it is not.
            for (var x = bar.X; x < bar.X + bar.Width; x += 7)
            {
                Assert.Equal(new Rgb24(colour.R, colour.G, colour.B), image[x, bar.Y + (bar.Height / 2)]);
            }

            Assert.Equal(new Rgb24(0, 0, 0), image[0, 0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Map_png_draws_each_cluster_in_its_owners_colour()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorhyper-map-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, _) = HostRunner.RunWithInput(Input("run -nc 2 -i 6", $"map --png {file}"), "shell", "--controlled");
            Assert.Equal(0, code);
            Assert.Contains($"map written to {file}", output, StringComparison.Ordinal);
            using var image = Image.Load<Rgb24>(file);
            var map = new Actors.Hypervisor.ClusterMap(4, 4, Hardware.ValueList.Of<Hardware.Resources.ClusterOwnership>());
            Rgb24 At(int x, int y)
            {
                var (left, top) = Host.Shell.MapPng.Origin(map, new Hardware.Addressing.ClusterId(x, y));
                return image[left + (Host.Shell.MapPng.Cell / 2), top + (Host.Shell.MapPng.Cell / 2)];
            }

            var six = InstanceColors.Of(6);
            Assert.Equal(new Rgb24(six.R, six.G, six.B), At(0, 1));
            Assert.Equal(new Rgb24(six.R, six.G, six.B), At(0, 2));
            var hv = Host.Shell.MapPng.Hypervisor;
            Assert.Equal(new Rgb24(hv.R, hv.G, hv.B), At(0, 0));
            var free = Host.Shell.MapPng.Free;
            Assert.Equal(new Rgb24(free.R, free.G, free.B), At(3, 3));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Fb_png_to_a_directory_that_does_not_exist_is_one_error_line()
    {
        var (code, output, _) = HostRunner.RunWithInput(Input("run -nc 1 -i 1", "fb -i 1 --png /nonexistent-dir/x.png"), "shell", "--controlled");
        Assert.Equal(0, code);
        Assert.Contains("error: fb: cannot write /nonexistent-dir/x.png: its directory does not exist", Lines(output));
    }

    [Fact]
    public void Exec_fb_json_gives_the_fills_and_exec_exits_1_on_a_refused_png()
    {
        var (code, output, _) = HostRunner.Run("exec", "--controlled", "--json", "run -nc 1 -i 1", "wait", "fb -i 1");
        Assert.Equal(0, code);
        var fb = JsonDocument.Parse(Lines(output)[2]).RootElement;
        Assert.Equal(1, fb.GetProperty("instance").GetInt32());
        Assert.Equal(InstanceColors.Of(1).ToString(), fb.GetProperty("fills").EnumerateArray().Last().GetProperty("color").GetString());

        var (refused, _, _) = HostRunner.Run("exec", "--controlled", "run -nc 1 -i 1", "fb -i 1 --png /nonexistent-dir/x.png");
        Assert.Equal(1, refused);
    }

    [Fact]
    public void Shell_refuses_bad_options_as_usage_errors()
    {
        var (code, _, error) = HostRunner.RunWithInput("", "shell", "--seed", "x");
        Assert.Equal(2, code);
        Assert.StartsWith("actorhyper: --seed must be a non-negative whole number, got 'x'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_stops_at_exit()
    {
        var (code, output, _) = HostRunner.Run("exec", "--controlled", "ps", "exit", "run -nc 1 -i 1");
        Assert.Equal(0, code);
        Assert.Equal(["> ps", "no instances", ""], Lines(output));
    }

    [Fact]
    public void Demo_json_prints_one_object_per_reply()
    {
        var (code, output, error) = HostRunner.Run("demo", "--controlled", "--json");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var commands = Lines(output).Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("command").GetString()).ToList();
        Assert.Equal(["run -nc 2 -i 6", "run -nc 3 -i 2", "wait", "map", "ps", "tty -i 2", "tty -i 6"], commands);
    }
}
