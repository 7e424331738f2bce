using ActorHyper.Actors.Hypervisor.Shell;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>The shell's syntax: every command parses, and every mistake is one line naming the command and the option.</summary>
public sealed class ShellParserTests
{
    [Fact]
    public void Every_command_parses_with_its_options_in_any_order()
    {
        Assert.Equal(new RunCommand("run -nc 2 -i 6", 2, 6), ShellParser.Parse("  run -nc 2 -i 6 ").Command);
        Assert.Equal(new RunCommand("run -i 6 -nc 2", 2, 6), ShellParser.Parse("run -i 6 -nc 2").Command);
        Assert.Equal(new PsCommand("ps"), ShellParser.Parse("ps").Command);
        Assert.Equal(new KillCommand("kill -i 3", 3), ShellParser.Parse("kill -i 3").Command);
        Assert.Equal(new MapCommand("map"), ShellParser.Parse("map").Command);
        Assert.Equal(new TtyCommand("tty -i 3", 3, 0), ShellParser.Parse("tty -i 3").Command);
        Assert.Equal(new TtyCommand("tty -s 2 -i 3", 3, 2), ShellParser.Parse("tty -s 2 -i 3").Command);
        Assert.Equal(new WaitCommand("wait", null, null), ShellParser.Parse("wait").Command);
        Assert.Equal(new WaitCommand("wait -i 1 -t 2s", 1, TimeSpan.FromSeconds(2)), ShellParser.Parse("wait -i 1 -t 2s").Command);
        Assert.Equal(new WaitCommand("wait -t 500ms", null, TimeSpan.FromMilliseconds(500)), ShellParser.Parse("wait -t 500ms").Command);
        Assert.Equal(new HelpCommand("help"), ShellParser.Parse("help").Command);
        Assert.Equal(new HelpCommand("help run", "run"), ShellParser.Parse("help run").Command);
        Assert.Equal(new TtyCommand("tty -i 3 -f", 3, 0, Follow: true), ShellParser.Parse("tty -i 3 -f").Command);
        Assert.Equal(new InfoCommand("info -i 3", 3), ShellParser.Parse("info -i 3").Command);
        Assert.Equal(new TimelineCommand("timeline -i 3", 3), ShellParser.Parse("timeline -i 3").Command);
        Assert.Equal(new FbCommand("fb -i 3", 3, null), ShellParser.Parse("fb -i 3").Command);
        Assert.Equal(new FbCommand("fb -i 3 --png a.png", 3, "a.png"), ShellParser.Parse("fb -i 3 --png a.png").Command);
        Assert.Equal(new ExitCommand("exit"), ShellParser.Parse("exit").Command);
    }

    [Fact]
    public void The_names_a_virsh_or_jailhouse_user_types_first_are_the_same_commands()
    {
        Assert.Equal(new PsCommand("list"), ShellParser.Parse("list").Command);
        Assert.Equal(new KillCommand("destroy -i 3", 3), ShellParser.Parse("destroy -i 3").Command);
        Assert.Equal(new TtyCommand("console -i 3", 3, 0, Follow: true), ShellParser.Parse("console -i 3").Command);
    }

    [Theory]
    [InlineData("rnu", "run")]
    [InlineData("lsit", "list")]
    [InlineData("destory", "destroy")]
    [InlineData("maps", "map")]
    [InlineData("Wait", "wait")]
    public void A_typo_gets_the_nearest_command_suggested(string typed, string meant)
    {
        Assert.Equal($"unknown command '{typed}' — did you mean '{meant}'? (try 'help')", ShellParser.Parse(typed + " -i 1").Problem);
    }

    [Fact]
    public void Help_of_one_command_shows_its_options_with_their_defaults()
    {
        var help = ShellParser.HelpFor("wait");
        Assert.NotNull(help);
        Assert.StartsWith("wait [-i I] [-t T]", help[0], StringComparison.Ordinal);
        Assert.Contains(help, line => line.Contains("default actorhyper.hypervisor.wait-timeout, 30s", StringComparison.Ordinal));
        Assert.Contains("list", ShellParser.HelpFor("list")![0], StringComparison.Ordinal);
        Assert.Contains(ShellParser.HelpFor("list")!, line => line.StartsWith("ps ", StringComparison.Ordinal));
        Assert.Null(ShellParser.HelpFor("frobnicate"));
        Assert.Equal("help: unknown command 'rnu' — did you mean 'run'? (try 'help')", ShellParser.Parse("help rnu").Problem);
    }

    [Theory]
    [InlineData("", "empty command (try 'help')")]
    [InlineData("frobnicate -x 1", "unknown command 'frobnicate' (commands: run, ps, list, kill, destroy, map, tty, console, wait, info, timeline, fb, help, exit)")]
    [InlineData("run -nc 2", "run: missing -i")]
    [InlineData("run -i 6", "run: missing -nc")]
    [InlineData("run -nc two -i 6", "run: -nc needs a number, got 'two'")]
    [InlineData("run -nc 2 -i", "run: -i has no value")]
    [InlineData("run -nc 2 -i 6 -x 1", "run: unknown option '-x' (options: -nc -i)")]
    [InlineData("run -nc 2 -nc 3 -i 6", "run: -nc is given twice")]
    [InlineData("run 2 6", "run: unexpected '2' (options: -nc -i)")]
    [InlineData("kill", "kill: missing -i")]
    [InlineData("kill -i x", "kill: -i needs a number, got 'x'")]
    [InlineData("ps -a", "ps takes no arguments, got '-a'")]
    [InlineData("map now", "map: unexpected 'now' (options: --png)")]
    [InlineData("map --png", "map: --png has no value")]
    [InlineData("tty -i 1 -s 4", "tty: -s must be a sub-channel between 0 and 3, got 4")]
    [InlineData("wait -t 5", "wait: -t needs a duration with a unit, such as 10s or 500ms, got '5'")]
    [InlineData("wait -t soon", "wait: -t needs a duration with a unit, such as 10s or 500ms, got 'soon'")]
    [InlineData("wait -t 0s", "wait: -t must be positive, got '0s'")]
    [InlineData("run -nc -i 1", "run: -nc has no value")]
    [InlineData("wait -t 99999999999999d", "wait: -t 99999999999999d is too large: at most 24d")]
    [InlineData("wait -t 25d", "wait: -t 25d is too large: at most 24d")]
    [InlineData("wait -t 1ns", "wait: -t 1ns is below the resolution of 100ns")]
    [InlineData("wait -t 1.2.3s", "wait: -t needs a duration with a unit, such as 10s or 500ms, got '1.2.3s'")]
    [InlineData("tty -i 1 -f -f", "tty: -f is given twice")]
    [InlineData("xyzzy", "unknown command 'xyzzy' (commands: run, ps, list, kill, destroy, map, tty, console, wait, info, timeline, fb, help, exit)")]
    public void A_mistake_is_one_line_naming_what_was_wrong(string line, string problem)
    {
        var parse = ShellParser.Parse(line);
        Assert.Null(parse.Command);
        Assert.Equal(problem, parse.Problem);
        Assert.DoesNotContain("\n", parse.Problem!, StringComparison.Ordinal);
    }

    [Fact]
    public void Ranges_that_need_the_machine_are_left_to_the_hypervisor()
    {
        Assert.Equal(new RunCommand("run -nc 0 -i -1", 0, -1), ShellParser.Parse("run -nc 0 -i -1").Command);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        foreach (var name in ShellParser.CommandNames)
        {
            Assert.Contains(ShellParser.Help, line => line.StartsWith(name + " ", StringComparison.Ordinal));
        }
    }
}
