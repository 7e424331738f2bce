using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Hypervisor;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Tests.Hypervisor;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Tests.Guest;

/// <summary>
/// A one-cluster instance launched by the real hypervisor (its HATs and DMA HATs configured and
/// active, its routes set) whose boot loader is a test's script: the boot core runs it with the
/// arch-info it read, the other cores wait. What the script does is guest code on the guest's view.
/// </summary>
internal static class PlantedGuest
{
    public const int InstanceId = 2;

    /// <summary>Offset in instance cluster 0 where nothing of the boot lies (the planted loader loads no kernel).</summary>
    public const uint Scratch = 0x00F0_0000;

    public static MachineOptions Running(Action<ICoreCpu, ArchInfo> script) => new()
    {
        Programs = ProgramLibrary.MachineDefault.With(CodeIdentity.BootLoader, _ => new ScriptedCore(cpu =>
            cpu.Load(BootLayout.ArchInfo.Raw, BootLayout.ArchInfoSize, regions =>
            {
                var arch = regions.Select(region => region.Content).OfType<DataRecord>().Select(record => record.Data).OfType<ArchInfo>().Single();
                if (cpu.Core.Cluster == arch.Clusters[0].MachineCluster && cpu.Core.Index == arch.BootstrapCpu)
                {
                    script(cpu, arch);
                }
                else
                {
                    cpu.Wait();
                }
            }))),
    };

    /// <summary>Launches the instance (the shell answers at the hand-off) and returns what it holds.</summary>
    public static InstanceInfo Launch(TestHypervisor hv) => hv.Ok<InstanceLaunched>($"run -nc 1 -i {InstanceId}").Instance;

    /// <summary>
    /// What landed in the hypervisor cluster on behalf of <paramref name="instance"/> (a write, copy or
    /// IPI by one of its cores, a DMA transfer by one of its engines), its Running mailbox aside.
    /// </summary>
    public static IReadOnlyList<HardwareEvent> LandedInHypervisorCluster(IEnumerable<object> events, InstanceInfo instance, int runningSlot)
    {
        bool Instance(UnitId unit) => instance.Clusters.Contains(unit.Cluster) && unit.Kind is UnitKind.Core or UnitKind.Dma;
        var hypervisor = MachineSpec.HypervisorCluster;
        return [.. events.OfType<HardwareEvent>().Where(happened => happened switch
        {
            MemoryWritten written => written.Address.Cluster == hypervisor && Instance(written.Writer),
            MemoryCopied copied => copied.Destination.Cluster == hypervisor && Instance(copied.Requester),
            IpiSent sent => sent.Mailbox.Cluster == hypervisor && sent.Mailbox.Slot != runningSlot && Instance(sent.Writer),
            DmaCompleted completed => completed.Destination.Cluster == hypervisor && instance.Clusters.Contains(completed.Dma),
            _ => false,
        })];
    }
}
