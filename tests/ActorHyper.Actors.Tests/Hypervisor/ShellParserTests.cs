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
    }

    [Theory]
    [InlineData("", "empty command (try 'help')")]
    [InlineData("frobnicate -x 1", "unknown command 'frobnicate' (commands: run, ps, kill, map, tty, wait, help)")]
    [InlineData("run -nc 2", "run: missing -i")]
    [InlineData("run -i 6", "run: missing -nc")]
    [InlineData("run -nc two -i 6", "run: -nc needs a number, got 'two'")]
    [InlineData("run -nc 2 -i", "run: -i needs a value")]
    [InlineData("run -nc 2 -i 6 -x 1", "run: unknown option '-x' (options: -nc -i)")]
    [InlineData("run -nc 2 -nc 3 -i 6", "run: -nc is given twice")]
    [InlineData("run 2 6", "run: unexpected '2' (options: -nc -i)")]
    [InlineData("kill", "kill: missing -i")]
    [InlineData("kill -i x", "kill: -i needs a number, got 'x'")]
    [InlineData("ps -a", "ps takes no arguments, got '-a'")]
    [InlineData("map now", "map takes no arguments, got 'now'")]
    [InlineData("tty -i 1 -s 4", "tty: -s must be a sub-channel between 0 and 3, got 4")]
    [InlineData("wait -t 5", "wait: -t needs a duration with a unit, such as 10s or 500ms, got '5'")]
    [InlineData("wait -t soon", "wait: -t needs a duration with a unit, such as 10s or 500ms, got 'soon'")]
    [InlineData("wait -t 0s", "wait: -t must be positive, got '0s'")]
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
