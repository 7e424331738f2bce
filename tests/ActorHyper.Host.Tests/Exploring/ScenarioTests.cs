using ActorHyper.Host.Configuration;
using ActorHyper.Host.Exploring;
using ActorHyper.Host.Shell;

namespace ActorHyper.Host.Tests.Exploring;

public sealed class ScenarioTests
{
    [Fact]
    public void Commands_joined_by_an_ampersand_are_one_line_issued_together_and_comments_are_skipped()
    {
        var scenario = ScenarioParser.Parse("# launch and kill\n\nrun -nc 2 -i 6 & kill -i 6\n  wait  \n", "s.txt");

        Assert.Null(scenario.ConfigPreset);
        Assert.Equal([["run -nc 2 -i 6", "kill -i 6"], ["wait"]], scenario.Lines.Select(l => l.ToArray()));
        Assert.Equal(["run -nc 2 -i 6 & kill -i 6", "wait"], scenario.Text);
    }

    [Theory]
    [InlineData("run -nc 2 -i 6\nconfig: x.conf\n", "scenario s.txt:2: 'config:' comes before the first command")]
    [InlineData("run -nc 2 -i 6 & \n", "scenario s.txt:1: command 2 of the line is empty (' & ' joins two commands)")]
    [InlineData("# nothing\n", "scenario s.txt: no command (one shell command per line, '#' comments)")]
    [InlineData("config: no-such-preset.conf\nwait\n", "scenario s.txt:1: config: no-such-preset.conf: no such file")]
    public void A_bad_scenario_names_its_line(string text, string expected)
    {
        var problem = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(text, "s.txt"));
        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_built_in_scenario_parses()
    {
        Assert.Equal(["default", "launch-kill", "kill-during-dma", "smallest", "full-machine"], BuiltInScenarios.Names);
        Assert.All(BuiltInScenarios.Names, name => Assert.True(BuiltInScenarios.TryGet(name, out _)));
        Assert.True(BuiltInScenarios.TryGet("default", out var scenario));
        Assert.Equal(["run -nc 2 -i 6", "run -nc 3 -i 2", "wait"], scenario.Text);
    }

    [Fact]
    public void Commands_issued_together_reach_the_shell_before_the_first_is_answered()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null, ["actorhyper.runtime.mode = controlled"], _ => null));
        using var session = HypervisorSession.Start(options, Serilog.Core.Logger.None);

        var replies = session.ExecuteTogether(["run -nc 2 -i 6", "kill -i 6"]);

        // Typed one after the other, the run would be answered Booting and then killed; together, the kill meets the launch.
        Assert.Equal(["run -nc 2 -i 6", "kill -i 6"], replies.Select(r => r.Command));
        Assert.Contains("was killed while", replies[0].Error, StringComparison.Ordinal);
        Assert.True(replies[1].Succeeded, replies[1].ToString());
    }
}
