namespace ActorHyper.Host.Tests.Exploring;

/// <summary>
/// A kill during the kernel's DMA, on the correct protocol: the halted cores' translations and writes
/// still in flight must land before the kill resets their HATs, memory and mailboxes. Before a halt
/// waited for them, these POS schedules failed: seed 72 with a stale translation through a HAT that
/// was already off (translation-isolation), seed 167 with a stale IPI meeting the next launch's HATs
/// (hat-configured-first). Before a DMA reset fenced the completion interrupts the engine had
/// posted, seed 485 had one arrive after the kill removed the routes (routes-before-hand-off: lost).
/// </summary>
public sealed class KillDrainTests
{
    [Theory]
    [InlineData("72")]
    [InlineData("167")]
    [InlineData("485")]
    public void A_kill_during_the_dma_leaves_nothing_in_flight_for_the_next_launch(string seed)
    {
        NoViolation("kill-during-dma", "pos", seed, iterations: 1);
    }

    /// <summary>
    /// PCT over channels delayed the shell's watch of the cores' statuses past a kill: the machine's
    /// snapshot then showed a core already back in <c>waiting</c>, never <c>parked</c>, and the kill
    /// waited for ever (iteration 124 of these 300 before the shell held its input until the machine
    /// confirmed the watch).
    /// </summary>
    [Fact]
    public void A_kill_typed_before_the_shells_watch_holds_is_still_answered()
    {
        NoViolation("launch-kill", "pct", "0", iterations: 300);
    }

    /// <summary>
    /// The IOPIC had forwarded the aborted DMA's interrupt to the XICU when the kill removed the routes,
    /// and that write reached the XICU after the kill's reset: the stale pending slot woke the next
    /// instance's core before its assignment was written, and it faulted on empty memory. The instance
    /// failed "with a reason" and passed, until failure-has-cause (iteration 4 of these PCT schedules,
    /// before route removal fenced the XICUs).
    /// </summary>
    [Fact]
    public void A_kill_leaves_no_forwarded_interrupt_on_its_way_to_a_reset_xicu()
    {
        NoViolation("kill-during-dma", "pct", "0", iterations: 5);
    }

    private static void NoViolation(string scenario, string strategy, string seed, int iterations)
    {
        var (code, output, error) = HostRunner.Run("explore", "--scenario", scenario, "--strategy", strategy, "--seed", seed,
            "--iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workers", "1", "--no-progress",
            "--out", Path.Combine(Path.GetTempPath(), $"kill-drain-{Environment.ProcessId}"));

        Assert.True(code == 0, output + error);
        Assert.Contains("violations:             0", output, StringComparison.Ordinal);
    }
}
