using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Tests.Monitors;

/// <summary>
/// Each protocol variant, run on the default scenario, is caught by the monitor of the rule it
/// breaks within <see cref="Budget"/> seeds of a random walk. Measured over 20 seeds: the ordering
/// variants in every one; unlatched-wakeup in 16 (random) and 14 (PCT, depth 3), racy-allocation
/// (launches typed together, or there is no race) in 19 and 20; seed 0 catches each. The budget
/// leaves room for schedules that dodge a race.
/// </summary>
public sealed class VariantCaughtTests
{
    /// <summary>Seeds a variant may take before its monitor must have failed a run.</summary>
    private const int Budget = 5;

    [Theory]
    [InlineData(ProtocolVariant.IpiBeforeHatConfig, false, "hat-configured-first", "sent the hand-off IPI to core P0 (0,1) of instance 6 while its HAT was not configured")]
    [InlineData(ProtocolVariant.HatCodeWrongOffset, false, "code-in-place", "has no copy at the same offset in the instance's cluster 0 ((0,1):0x00100000)")]
    [InlineData(ProtocolVariant.UnlatchedWakeup, false, "liveness", "was never read: the wake-up is lost")]
    [InlineData(ProtocolVariant.RacyAllocation, true, "single-owner", "instance 2 took clusters (0,1) (0,2), still held by live instance 6")]
    [InlineData(ProtocolVariant.LateInterruptRouting, false, "routes-before-hand-off", "the hypervisor sent instance 6's hand-off IPI to (0,1) slot 0 before the route IOC 6")]
    public async Task The_variant_is_caught_by_the_monitor_of_its_rule(ProtocolVariant variant, bool overlapping, string monitor, string words)
    {
        await using var hv = MonitoredRun.Machine(variant);
        var caught = MonitoredRun.FirstFailure(hv, Seeds(), MonitoredRun.Random, overlapping);

        Assert.NotNull(caught);
        var (seed, failure) = caught.Value;
        Assert.True(failure.Monitor == monitor, $"seed {seed}: expected {monitor}, got {failure}");
        Assert.Contains(words, failure.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// The boot-order monitor reports a broken Off++ rule as an event and lets the run go on (it
    /// reports every rule a run breaks), so the variant is caught by its report, not by a failed run.
    /// </summary>
    [Fact]
    public async Task Early_nonboot_cpus_are_caught_by_the_boot_order_monitor()
    {
        await using var hv = MonitoredRun.Machine(ProtocolVariant.EarlyNonbootCpus);
        var reports = hv.Events<GuestRuleViolated>();
        var failure = MonitoredRun.Run(hv, 0, MonitoredRun.Random(0));
        Assert.Equal("boot-order", failure?.Monitor);

        var broken = hv.Received(reports).OfType<GuestRuleViolated>().ToList();
        Assert.Contains(broken, violation => violation.InstanceId is 6 or 2 &&
            violation.Message.StartsWith("shuttle server started after processor ", StringComparison.Ordinal) &&
            violation.Message.Contains("(phase AbstractServers after NonBootProcessors)", StringComparison.Ordinal));
    }

    /// <summary>The unlatched wait loses a wake-up under PCT too, within the same budget.</summary>
    [Fact]
    public async Task An_unlatched_wakeup_is_found_by_pct_as_well()
    {
        await using var hv = MonitoredRun.Machine(ProtocolVariant.UnlatchedWakeup);
        var caught = MonitoredRun.FirstFailure(hv, Seeds(), MonitoredRun.Pct);

        Assert.NotNull(caught);
        Assert.Equal("liveness", caught.Value.Failure.Monitor);
    }

    private static IEnumerable<ulong> Seeds() => Enumerable.Range(0, Budget).Select(seed => (ulong)seed);
}
