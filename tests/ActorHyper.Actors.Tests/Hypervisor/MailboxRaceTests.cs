using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Monitors;
using ActorHyper.Exploration.Strategies;
using ActorHyper.Hardware;

namespace ActorHyper.Actors.Tests.Hypervisor;

/// <summary>
/// The race concurrent runs showed (1 boot in 18 on a 16×16, "core P1 (1,11) faulted: wrong code:
/// the guest kernel is here (expected the boot loader)"): the boot core's kernel woke a processor by
/// writing its mailbox while the IPI that was to bring it to the boot loader was still unread. A
/// controlled run under PCT reproduces it on a 2×2 with one single-cluster instance: before the fix,
/// machine seed 2 with PCT seed 2, depth 1 ended with instance 1 Failed ("core P2 (0,1) faulted at
/// k0:0x00400000: wrong code: the guest kernel is here (expected the boot loader)"), and the
/// mailbox-overwrite monitor failed the run ("XICU mailbox (0,1) slot 2 written twice before it was
/// read: 0x00300000 lost to 0x00400000 written by core P0 (0,1)"). The kernel now wakes a processor
/// only after the processor has called in from the boot loader.
/// </summary>
public sealed class MailboxRaceTests
{
    private static async Task<(ShellReply Wait, RunFailure? Failure)> Boot(ulong seed, int depth)
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, spec: MachineSpec.Tsar2x2, seed: seed);
        hv.Driver.UseStrategy(new PctStrategy(seed, depth, maxSteps: 3000));
        Assert.True(hv.Type("run -nc 1 -i 1").Succeeded);
        return (hv.Type("wait"), hv.Driver.Failure);
    }

    [Fact]
    public async Task The_schedule_that_lost_a_boot_loader_ipi_to_the_kernels_wake_up_now_boots()
    {
        var (wait, failure) = await Boot(seed: 2, depth: 1);
        Assert.Null(failure);
        var table = Assert.IsType<InstanceTable>(wait.Answer);
        Assert.Equal(InstanceState.Running, Assert.Single(table.Instances).State);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task No_pct_schedule_of_depth_up_to_3_writes_a_mailbox_twice_before_it_is_read(int depth)
    {
        for (ulong seed = 0; seed < 15; seed++)
        {
            var (wait, failure) = await Boot(seed, depth);
            Assert.True(failure is null, $"seed {seed}, depth {depth}: {failure}");
            var table = Assert.IsType<InstanceTable>(wait.Answer);
            Assert.True(table.Instances.All(i => i.State == InstanceState.Running), $"seed {seed}, depth {depth}: {wait.Answer}");
        }
    }
}
