namespace ActorHyper.EndToEnd.Tests;

public sealed class HelpTests
{
    [Fact]
    public void The_program_prints_its_help_and_exits_zero()
    {
        var (code, output, error) = ProgramRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("partitioning hypervisor", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }
}
