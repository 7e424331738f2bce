using System.Text.RegularExpressions;
using ActorHyper.Hardware.Display;

namespace ActorHyper.EndToEnd.Tests;

/// <summary>The console shell as a user meets it: fed from a pipe, and typed at on a terminal.</summary>
public sealed partial class ShellTests
{
    [Fact]
    public void Commands_piped_into_the_shell_are_answered_as_a_transcript_and_end_of_input_exits_0()
    {
        var (code, output, error) = ProgramRunner.RunWithInput("run -nc 2 -i 6\nlsit\nlist\nwait\nmap\nhelp run\ndestroy -i 6\nps\n",
            "shell", "--controlled", "--seed", "7");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = output.Split(Environment.NewLine);
        Assert.DoesNotContain(lines, line => line.Contains("actorhyper>", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
        Assert.Contains("error: unknown command 'lsit' — did you mean 'list'? (try 'help')", lines);
        Assert.Contains("6   Running  (0,1) (0,2)  6    0    0   8", lines);
        Assert.Contains("0 HV  .  .  .", lines);
        Assert.Contains(lines, line => line.StartsWith("run -nc N -i I ", StringComparison.Ordinal));
        Assert.Contains("instance 6 Stopped: clusters (0,1) (0,2), IOC 6, TTY 0, FB 0 returned", lines);
        Assert.Equal(["> ps", "no instances", ""], lines[^3..]);
    }

    [Fact]
    public void On_a_terminal_the_shell_prompts_and_draws_the_coloured_map_and_a_progress_bar()
    {
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" };
        var (code, output) = ProgramRunner.RunInTerminal(
            ["run -nc 2 -i 6", "wait", "map", "exit"], environment, "shell", "--controlled", "--seed", "7");
        Assert.True(code == 0, $"exit code {code}: {output}");
        Assert.Contains("actorhyper> ", output, StringComparison.Ordinal);

        // The map: instance 6's clusters on its colour, the hypervisor marked, the I/O cluster starred.
        var six = InstanceColors.Of(6);
        Assert.Contains($"48;2;{six.R};{six.G};{six.B}m 6  ", output, StringComparison.Ordinal);
        Assert.Contains("HV*", output, StringComparison.Ordinal);
        Assert.Contains("I/O cluster (0,0)", output, StringComparison.Ordinal);

        // The wait's progress bar: the bar's characters and its percentage, for the instance.
        Assert.Matches(ProgressBar(), output);
    }

    [Fact]
    public void No_color_on_a_terminal_gives_the_plain_text()
    {
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor" };
        var (code, output) = ProgramRunner.RunInTerminal(["run -nc 2 -i 6", "map", "exit"], environment, "shell", "--controlled", "--no-color");
        Assert.True(code == 0, $"exit code {code}: {output}");
        Assert.Contains("0 HV  .  .  .", output, StringComparison.Ordinal);
        Assert.DoesNotContain("48;2;", output, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_terminal_up_recalls_the_last_line_and_ctrl_d_on_an_empty_line_leaves_with_exit_0()
    {
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color" };
        var (code, output) = ProgramRunner.RunInTerminal(["run -nc 1 -i 3", "list", "\u001b[A", "\u0004"], environment,
            "shell", "--controlled", "--no-color");
        Assert.True(code == 0, $"exit code {code}: {output}");
        // The recalled 'list' ran again: two tables of instance 3.
        Assert.Equal(2, output.Split("3   Booting  (0,1)").Length - 1);
    }

    [Fact]
    public void On_a_terminal_console_follows_until_ctrl_c_returns_to_the_prompt()
    {
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color" };
        (string, string?)[] keys =
        [
            ("run -nc 2 -i 6", null),
            ("console -i 6", null),
            ("\u0003", "Ctrl-C returns to the prompt"),
            ("list", null),
            ("exit", null),
        ];
        var (code, output) = ProgramRunner.RunInTerminal(keys, environment, "shell", "--controlled", "--no-color");
        Assert.True(code == 0, $"exit code {code}: {output}");
        var banner = output.IndexOf("off: node 6 up: 8 cores, 2 clusters, 128 MiB", StringComparison.Ordinal);
        var quiet = output.IndexOf("(instance 6 is Running: its console is quiet from here; Ctrl-C returns to the prompt)", StringComparison.Ordinal);
        var table = output.IndexOf("6   Running  (0,1) (0,2)", StringComparison.Ordinal);
        Assert.True(banner >= 0 && banner < quiet && quiet < table, output);
    }

    [GeneratedRegex("instance 6 .*Running.*━+.*100%")]
    private static partial Regex ProgressBar();
}
