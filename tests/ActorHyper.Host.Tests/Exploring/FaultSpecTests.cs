using ActorHyper.Hardware.Faults;
using ActorHyper.Host.Exploring;

namespace ActorHyper.Host.Tests.Exploring;

public sealed class FaultSpecTests
{
    [Fact]
    public void A_full_spec_reads_every_kind_and_a_command_and_writes_back_canonically()
    {
        var spec = FaultSpecParser.Parse(
            " ipi-lost:0.01, ipi-delay:0.02:50us,ipi-dup:0.01,core-stall:0.005:1ms,ioc-read-error:0.1,dma-fault:0.05,command@step=1200:kill -i 6",
            "--faults");

        Assert.Equal(FaultKinds.All, spec.Rules.Rules.Select(rule => rule.Kind));
        Assert.Equal(TimeSpan.FromMicroseconds(50), spec.Rules.Rules.Single(rule => rule.Kind == FaultKind.IpiDelay).Duration);
        Assert.Equal(new CommandAtStep(1200, "kill -i 6"), Assert.Single(spec.Commands));
        Assert.Equal("ipi-lost:0.01,ipi-delay:0.02:50us,ipi-dup:0.01,core-stall:0.005:1ms,ioc-read-error:0.1,dma-fault:0.05,command@step=1200:kill -i 6",
            spec.Text);
        Assert.True(FaultSpecParser.Parse("none", "x").IsEmpty);
        Assert.True(FaultSpecParser.Parse("  ", "x").IsEmpty);
    }

    [Theory]
    [InlineData("ipi-lost:2", "item 1 'ipi-lost:2': chance '2' is not a number from 0 to 1")]
    [InlineData("ipi-lost:-0.1", "chance '-0.1' is not a number from 0 to 1")]
    [InlineData("ipi-delay:0.1", "item 1 'ipi-delay:0.1': ipi-delay is ipi-delay:P:DURATION")]
    [InlineData("ipi-lost:0.1:5us", "ipi-lost is ipi-lost:P (a chance")]
    [InlineData("core-stall:0.1:3h", "duration '3h' is not a whole number of us, ms or s")]
    [InlineData("dma-fault:0.1,,ipi-lost:0.1", "item 2 is empty")]
    [InlineData("disk-on-fire:1", "'disk-on-fire' is not a fault kind: ipi-lost, ipi-delay, ipi-dup, core-stall, ioc-read-error, dma-fault")]
    [InlineData("dma-fault:0.1,dma-fault:0.2", "item 2 'dma-fault:0.2': dma-fault is given twice")]
    [InlineData("ipi-lost:0.6,ipi-dup:0.5", "the chances of ipi-lost + ipi-dup add up to more than 1")]
    [InlineData("command@step=x:ps", "step 'x' is not a whole number")]
    [InlineData("command@step=10:launch -i 1", "command 'launch -i 1'")]
    [InlineData("command@10:ps", "a command is command@step=N:COMMAND")]
    public void A_bad_spec_names_the_item_and_what_is_wrong(string text, string expected)
    {
        var e = Assert.Throws<FaultSpecException>(() => FaultSpecParser.Parse(text, "--faults"));
        Assert.StartsWith("--faults: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
