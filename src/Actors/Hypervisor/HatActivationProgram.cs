using ActorHyper.Actors.Cores;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Hypervisor;

/// <summary>
/// The HAT activation code (seed 000), copied from ROM to the same offset of the hypervisor
/// cluster's RAM and of the instance's cluster 0. A woken instance core enters it in machine space
/// (the hypervisor cluster's copy), turns its HAT on and fetches again at the same address, which
/// the HAT now sends to the instance's copy: that is why both copies sit at one offset. From the
/// copy, the core continues at <see cref="ICoreCpu.Argument"/>, the value its wake-up IPI carried:
/// <list type="bullet">
/// <item>the hand-off (the value is this code's own address): the core is P0 C_0i. It reads the
/// arch-info, sends every other core of the instance an IPI with the boot loader's address, and
/// jumps to the boot loader;</item>
/// <item>any other value is where to go, which P0 C_0i set to the boot loader.</item>
/// </list>
/// Hypervisor code, but a plain <see cref="ICoreProgram"/>: it needs no more than the guest's view
/// of the core (the mailboxes it writes follow from the arch-info), and its copy in the instance's
/// memory is code the guest can jump to.
/// </summary>
public sealed class HatActivationProgram : ICoreProgram
{
    /// <summary>The hand-off IPI's value: the HAT code's address, as the hypervisor cluster's copy and the instance's share it.</summary>
    public static uint HandOffValue => checked((uint)BootLayout.HatCodeInHypervisorCluster.Raw);

    /// <summary>The value P0 C_0i sends the other cores: the boot loader's instance-physical address.</summary>
    public static uint BootLoaderValue => checked((uint)BootLayout.BootLoader.Raw);

    public void Run(ICoreCpu cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        var entry = cpu.EntryAddress;
        if (entry.Space == AddressSpace.Machine)
        {
            cpu.ActivateHat(() => cpu.Jump(entry.Raw, CodeIdentity.HatActivation));
        }
        else if (cpu.Argument == HandOffValue)
        {
            cpu.Load(BootLayout.ArchInfo.Raw, BootLayout.ArchInfoSize, regions =>
            {
                if (regions.Select(region => region.Content).OfType<DataRecord>().Select(record => record.Data).OfType<ArchInfo>().FirstOrDefault() is not { } arch)
                {
                    cpu.Fault($"no arch-info at {BootLayout.ArchInfo}");
                    return;
                }
                WakeOthers(cpu, arch);
            });
        }
        else
        {
            cpu.Jump(cpu.Argument, CodeIdentity.BootLoader);
        }
    }

    /// <summary>Sends the boot loader's address to every core but this one (the bootstrap cpu), then jumps there too.</summary>
    private static void WakeOthers(ICoreCpu cpu, ArchInfo arch)
    {
        var others = arch.Clusters
            .SelectMany(cluster => Enumerable.Range(0, cluster.Cores).Select(core => (cluster.InstanceCluster, core)))
            .Where(target => (target.InstanceCluster, target.core) != (0, arch.BootstrapCpu))
            .ToList();
        var sent = Completions.AfterAll(others.Count, () => cpu.Jump(BootLayout.BootLoader.Raw, CodeIdentity.BootLoader));
        foreach (var (cluster, core) in others)
        {
            var mailbox = new InstanceAddress(cluster, SegmentMap.XicuSlotOffset(core));
            cpu.WriteMailbox(mailbox.Raw, BootLoaderValue, sent);
        }
    }
}
