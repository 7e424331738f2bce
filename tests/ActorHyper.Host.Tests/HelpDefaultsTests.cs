using ActorHyper.Actors.Hypervisor.Shell;
using ActorHyper.Host.Configuration;

namespace ActorHyper.Host.Tests;

/// <summary>Every command's --help lists each of its options with its default, and the program's --help lists every command.</summary>
public sealed class HelpDefaultsTests
{
    public static TheoryData<string[]> Commands => new() { new[] { "demo" }, new[] { "exec" }, new[] { "shell" }, new[] { "config", "show" }, new[] { "explore" }, new[] { "replay" }, new[] { "soak" } };

    private static IEnumerable<string> OptionLines(string help) =>
        help.Split(Environment.NewLine).SkipWhile(line => line != "Options:").Skip(1).TakeWhile(line => line.Length > 0)
            .Where(line => line.TrimStart().StartsWith("--", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_option_of_a_command_shows_its_default(string[] command)
    {
        var (code, output, error) = HostRunner.Run([.. command, "--help"]);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        var options = OptionLines(output).ToList();
        Assert.NotEmpty(options);
        Assert.All(options.Where(line => !line.TrimStart().StartsWith("--version", StringComparison.Ordinal)),
            line => Assert.Contains("[default: ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_shown_are_the_configurations()
    {
        var options = OptionsBinder.Bind(ConfigurationLoader.Load(null, []));
        var (_, help, _) = HostRunner.Run("exec", "--help");
        Assert.Contains($"[default: {options.Runtime.Seed}, from actorhyper.runtime.seed]", help, StringComparison.Ordinal);
        Assert.Contains($"[default: off: {options.Runtime.Mode}, from actorhyper.runtime.mode]", help, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(30), HoconDuration(options));
        Assert.Contains("at most T (default 30s)", help, StringComparison.Ordinal);
    }

    private static TimeSpan HoconDuration(ActorHyperOptions options) => OptionsBinder.ToHypervisorOptions(options.Hypervisor).WaitTimeout;

    [Theory]
    [InlineData("exec")]
    [InlineData("shell")]
    public void Exec_and_shell_help_list_every_shell_command(string command)
    {
        var (_, output, _) = HostRunner.Run(command, "--help");
        foreach (var line in ShellParser.Help)
        {
            Assert.Contains("  " + line, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_programs_help_lists_every_command()
    {
        var (_, output, _) = HostRunner.Run("--help");
        var commands = output.Split(Environment.NewLine).SkipWhile(line => line != "Commands:").Skip(1)
            .Select(line => line.Trim().Split(' ')[0]).Where(word => word.Length > 0).ToList();
        Assert.Equal(["config", "exec", "demo", "shell", "explore", "replay", "soak"], commands);
    }

    [Fact]
    public void Set_without_a_value_is_refused_as_a_usage_error()
    {
        var (code, output, error) = HostRunner.Run("config", "show", "--set");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("actorhyper: --set needs a value: PATH=VALUE, e.g. --set actorhyper.machine.mesh.x=2. See 'actorhyper --help'." + Environment.NewLine, error);
    }
}
