using ActorHyper.Host;

namespace ActorHyper.Host.Tests;

public sealed class CommandLineAppTests
{
    [Fact]
    public void Help_describes_the_program_and_exits_zero()
    {
        var (code, output, _) = HostRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("partitioning hypervisor", output, StringComparison.Ordinal);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_with_a_one_line_message()
    {
        var (code, output, error) = HostRunner.Run("frobnicate");
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.Equal("", output);
        Assert.StartsWith("actorhyper: Unrecognized command or argument 'frobnicate'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var (code, _, error) = HostRunner.Run();
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.StartsWith("actorhyper: Required command was not provided.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var (code, _, error) = HostRunner.Run("config", "show", "--colour");
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.StartsWith("actorhyper: Unrecognized command or argument '--colour'", error, StringComparison.Ordinal);
    }
}
