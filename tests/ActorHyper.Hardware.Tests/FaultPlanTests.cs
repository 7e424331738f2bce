using ActorHyper.Hardware.Faults;

namespace ActorHyper.Hardware.Tests;

public sealed class FaultPlanTests
{
    [Theory]
    [InlineData("ipi-lost@xicu(0,1).2#3")]
    [InlineData("ipi-delay@xicu(1,0).0#12:50us")]
    [InlineData("core-stall@core(0,1).3#1:1500ms")]
    [InlineData("ioc-read-error@ioc.6#1")]
    [InlineData("dma-fault@dma(1,1)#2")]
    public void An_injected_fault_reads_back_from_its_text(string text)
    {
        Assert.True(InjectedFault.TryParse(text, out var fault, out var problem), problem);
        Assert.Equal(text, fault!.Text);
    }

    [Theory]
    [InlineData("ipi-lost@xicu(0,1).2", "is not kind@site#occurrence")]
    [InlineData("ipi-gone@xicu(0,1).2#1", "'ipi-gone' is not a fault kind")]
    [InlineData("ipi-lost@xicu(0,1).2#0", "occurrence '0' is not a whole number of at least 1")]
    [InlineData("ipi-delay@xicu(0,1).2#1", "ipi-delay needs :duration")]
    [InlineData("ipi-lost@xicu(0,1).2#1:5us", "ipi-lost takes no duration")]
    [InlineData("core-stall@core(0,0).0#1:5 min", "is not a duration")]
    public void A_wrong_fault_text_says_what_is_wrong(string text, string expected)
    {
        Assert.False(InjectedFault.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_are_written_in_the_largest_exact_unit()
    {
        Assert.Equal("2s", InjectedFault.FormatDuration(TimeSpan.FromSeconds(2)));
        Assert.Equal("1500ms", InjectedFault.FormatDuration(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal("50us", InjectedFault.FormatDuration(TimeSpan.FromMicroseconds(50)));
        Assert.True(InjectedFault.TryParseDuration("50us", out var micro));
        Assert.Equal(TimeSpan.FromMicroseconds(50), micro);
        Assert.False(InjectedFault.TryParseDuration("0ms", out _));
        Assert.False(InjectedFault.TryParseDuration("2d", out _));
    }

    [Fact]
    public void One_draw_picks_among_a_points_kinds_in_slices_of_their_chances()
    {
        var rules = new FaultRules([
            new FaultRule(FaultKind.IpiDelay, 0.2, TimeSpan.FromMicroseconds(5)),
            new FaultRule(FaultKind.IpiLost, 0.1, TimeSpan.Zero),
            new FaultRule(FaultKind.IocReadError, 1, TimeSpan.Zero),
        ]);

        // Kinds in their declared order, whatever the order given: lost [0, 0.1), delay [0.1, 0.3).
        Assert.Equal(FaultKind.IpiLost, rules.Pick(FaultPoint.Ipi, 0.05)?.Kind);
        Assert.Equal(FaultKind.IpiDelay, rules.Pick(FaultPoint.Ipi, 0.1)?.Kind);
        Assert.Equal(FaultKind.IpiDelay, rules.Pick(FaultPoint.Ipi, 0.29)?.Kind);
        Assert.Null(rules.Pick(FaultPoint.Ipi, 0.31));
        Assert.Null(rules.Pick(FaultPoint.DmaTransfer, 0));
        Assert.False(rules.Covers(FaultPoint.CoreMessage));
        Assert.Equal(FaultKind.IocReadError, rules.Pick(FaultPoint.IocRead, 0.999)?.Kind);
        Assert.Throws<ArgumentException>(() => new FaultRules([new FaultRule(FaultKind.DmaFault, 0.1, TimeSpan.Zero), new FaultRule(FaultKind.DmaFault, 0.2, TimeSpan.Zero)]));
    }
}
