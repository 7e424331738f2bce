namespace ActorHyper.Host.Tests.Exploring;

/// <summary>
/// The boot core wakes on the hand-off write as soon as it lands in its XICU, while the write's
/// acknowledgement still travels back to the hypervisor. A guest can boot and write its Running
/// mailbox before that acknowledgement arrives. The hypervisor once ignored such a write (the
/// instance was not Booting yet), and the instance stayed Booting for ever. This POS schedule of
/// the full machine found it: instance 1 still Booting at the 30 s wait's end.
/// </summary>
public sealed class RunningBeforeHandOffTests
{
    [Fact]
    public void A_guest_that_runs_before_the_hand_off_is_acknowledged_is_Running()
    {
        var (code, output, error) = HostRunner.Run("explore", "--scenario", "full-machine", "--strategy", "pos", "--seed", "281",
            "--iterations", "1", "--workers", "1", "--no-progress", "--out", Path.Combine(Path.GetTempPath(), $"handoff-{Environment.ProcessId}"));

        Assert.True(code == 0, output + error);
        Assert.Contains("violations:             0", output, StringComparison.Ordinal);
    }
}
