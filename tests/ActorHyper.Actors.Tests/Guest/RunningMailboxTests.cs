using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Guest;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>The hypervisor learns Running only through the mailbox, and a kill leaves no Running write behind.</summary>
public sealed class RunningMailboxTests
{
    /// <summary>A boot loader that, on the boot core, reports Running at once (as a guest would, much later) and idles.</summary>
    private static MachineOptions EagerReporter() => new()
    {
        Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new ScriptedCore(cpu =>
            cpu.Load(Hardware.Boot.BootLayout.ArchInfo.Raw, Hardware.Boot.BootLayout.ArchInfoSize, regions =>
            {
                var arch = regions.Select(r => r.Content).OfType<DataRecord>().Select(r => r.Data).OfType<Hardware.Boot.ArchInfo>().Single();
                if (cpu.Core.Index == 0 && arch.Clusters[0].MachineCluster == cpu.Core.Cluster)
                {
                    cpu.WriteMailbox(arch.RunningMailbox.Raw, (uint)arch.InstanceId, cpu.Wait);
                }
                else
                {
                    cpu.Wait();
                }
            }))),
    };

    [Fact]
    public async Task The_instance_is_Running_when_its_boot_core_writes_the_mailbox_whatever_the_other_cores_do()
    {
        await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, options: EagerReporter());
        hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
        Assert.Equal(InstanceState.Running, Assert.Single(hv.Ok<InstanceTable>("wait -i 6").Instances).State);
    }

    [Fact]
    public async Task After_a_kill_right_after_the_run_the_Running_slot_is_left_clear_and_the_table_empty()
    {
        for (var seed = 1UL; seed <= 8; seed++)
        {
            await using var hv = TestHypervisor.Started(ExecutionMode.Controlled, seed: seed, options: EagerReporter());
            hv.Ok<InstanceLaunched>("run -nc 2 -i 6");
            hv.Ok<InstanceStopped>("kill -i 6");
            hv.Driver.RunUntilQuiescent();

            var xicu = hv.Ask<XicuSnapshot>(hv.Directory.Xicu(MachineSpec.HypervisorCluster), GetXicuState.Instance);
            Assert.DoesNotContain(xicu.Pending, pending => pending.Slot == hv.Directory.Layout.RunningSlot(6));
            Assert.Empty(hv.Ok<InstanceTable>("ps").Instances);
        }
    }
}
