using ActorHyper.Actors.Cores;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// What the guest's code reads at boot: the arch-info, the kernel descriptor, the node directory
/// (each a data record at its <see cref="BootLayout"/> address, instance space), and which Off++
/// processor the running core is.
/// </summary>
internal static class GuestMemory
{
    /// <summary>Loads the <typeparamref name="T"/> record at <paramref name="at"/>; faults the core if there is none.</summary>
    public static void Read<T>(ICoreCpu cpu, InstanceAddress at, uint size, string what, Action<T> then)
        where T : class, IMemoryData =>
        cpu.Load(at.Raw, size, regions =>
        {
            if (regions.Select(region => region.Content).OfType<DataRecord>().Select(record => record.Data).OfType<T>().FirstOrDefault() is { } found)
            {
                then(found);
            }
            else
            {
                cpu.Fault($"no {what} at {at}");
            }
        });

    public static void ReadArchInfo(ICoreCpu cpu, Action<ArchInfo> then) =>
        Read(cpu, BootLayout.ArchInfo, BootLayout.ArchInfoSize, "arch-info", then);

    public static void ReadKernelDescriptor(ICoreCpu cpu, Action<KernelImageDescriptor> then) =>
        Read(cpu, BootLayout.KernelDescriptor, BootLayout.KernelDescriptorSize, "kernel image descriptor", then);

    /// <summary>
    /// The Off++ processor the core is (<c>get_procinfo</c> order): found from the core's own
    /// (machine) cluster, as a TSAR core reads it from its processor id register, in the arch-info's
    /// cluster list. Null if the arch-info does not list the core.
    /// </summary>
    public static ProcessorInfo? Processor(ICoreCpu cpu, ArchInfo arch)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        ArgumentNullException.ThrowIfNull(arch);
        for (var i = 0; i < arch.Clusters.Count; i++)
        {
            if (arch.Clusters[i].MachineCluster == cpu.Core.Cluster)
            {
                return cpu.Core.Index < arch.Clusters[i].Cores ? MachineDependentInfo.ProcessorOf(arch, i, cpu.Core.Index) : null;
            }
        }

        return null;
    }
}
