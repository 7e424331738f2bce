using ActorHyper.Host;

namespace ActorHyper.Host.Tests;

public sealed class CommandLineAppTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandLineApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Help_describes_the_program_and_exits_zero()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("partitioning hypervisor", output, StringComparison.Ordinal);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_command_is_a_usage_error_with_a_one_line_message()
    {
        var (code, output, error) = Run("frobnicate");
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.Equal("", output);
        Assert.StartsWith("actorhyper: Unrecognized command or argument 'frobnicate'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var (code, _, error) = Run();
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.StartsWith("actorhyper: Required command was not provided.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var (code, _, error) = Run("config", "show", "--colour");
        Assert.Equal(CommandLineApp.UsageError, code);
        Assert.StartsWith("actorhyper: Unrecognized command or argument '--colour'", error, StringComparison.Ordinal);
    }
}
