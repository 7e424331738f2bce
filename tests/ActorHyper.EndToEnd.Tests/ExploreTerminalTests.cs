namespace ActorHyper.EndToEnd.Tests;

/// <summary><c>explore</c> on a terminal draws a progress bar, cleared before the report.</summary>
public sealed class ExploreTerminalTests
{
    [Fact]
    public void On_a_terminal_explore_shows_a_progress_bar_then_the_report()
    {
        var environment = new Dictionary<string, string> { ["TERM"] = "xterm-256color" };
        var (code, output) = ProgramRunner.RunInTerminal(Array.Empty<string>(), environment,
            "explore", "--scenario", "launch-kill", "--iterations", "3", "--workers", "1");

        Assert.True(code == 0, $"exit code {code}: {output}");
        Assert.Matches(@"schedules \S*━+\S* \S*100%", output);
        Assert.DoesNotContain("explore: 1/3 schedules", output, StringComparison.Ordinal);
        Assert.True(output.LastIndexOf("100%", StringComparison.Ordinal) < output.IndexOf("violations:", StringComparison.Ordinal));
    }
}
