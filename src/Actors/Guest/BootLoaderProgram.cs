using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Cores;
using ActorHyper.Actors.Devices;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Boot;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Guest;

/// <summary>
/// The boot loader, run by every core of an instance once its HAT is on. Each reads the arch-info.
/// The boot core (the arch-info's bootstrap cpu) loads the kernel image from the instance's IOC
/// channel into its load address with the DMA of instance cluster 0 (through the DMA HAT), waits
/// for the completion interrupt the IOPIC routes to it, and jumps to the kernel. The other cores
/// store their <see cref="CallIn"/> (the IPI that woke them is read: their mailbox is free) and wait
/// until the kernel wakes them with the kernel's address.
/// </summary>
public sealed class BootLoaderProgram : ICoreProgram
{
    private int? completionSlot;
    private KernelImageDescriptor? kernel;

    public void Run(ICoreCpu cpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        GuestMemory.ReadArchInfo(cpu, arch =>
        {
            if (GuestMemory.Processor(cpu, arch) is not { } processor)
            {
                cpu.Fault($"the arch-info of instance {arch.InstanceId} does not list core {cpu.Core}");
            }
            else if (processor.IsBoot)
            {
                GuestMemory.ReadKernelDescriptor(cpu, descriptor => LoadKernel(cpu, arch, descriptor));
            }
            else
            {
                cpu.Store(BootLayout.CallIn(processor.Index).Raw, BootLayout.CallInSize,
                    new DataRecord(new CallIn(arch.InstanceId, processor.Index)), cpu.Wait);
            }
        });
    }

    /// <summary>The boot core waits for the IOC completion; the others for the kernel's wake-up, which holds the kernel's address.</summary>
    public void OnInterrupt(ICoreCpu cpu, int slot)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        if (kernel is null)
        {
            cpu.ReadMailbox(slot, read => cpu.Jump(read.Value, CodeIdentity.GuestKernel));
            return;
        }
        var entry = kernel.Entry;
        cpu.ReadMailbox(slot, _ =>
        {
            if (slot == completionSlot)
            {
                cpu.Jump(entry.Raw, CodeIdentity.GuestKernel);
            }
            else
            {
                cpu.Wait();
            }
        });
    }

    private void LoadKernel(ICoreCpu cpu, ArchInfo arch, KernelImageDescriptor descriptor)
    {
        var dma = arch.Clusters.Single(cluster => cluster.InstanceCluster == 0).Devices.FirstOrDefault(device => device.Kind == DeviceKind.Dma);
        var ioc = arch.IoDevices.FirstOrDefault(device => device.Kind == DeviceKind.Ioc);
        if (dma is null || ioc?.Irq is not { } irq)
        {
            cpu.Fault($"the arch-info of instance {arch.InstanceId} lists no DMA in cluster 0 or no IOC with an interrupt");
            return;
        }
        kernel = descriptor;
        completionSlot = irq;
        cpu.StartDma(dma.Base.Raw, new DmaFromDisk(ioc.Base.Raw, descriptor.FirstBlock), descriptor.LoadAddress.Raw, descriptor.Size,
            reply => Loaded(cpu, reply));
    }

    /// <summary>The transfer is done; the completion interrupt (a posted write via the IOPIC) says so to the core.</summary>
    private static void Loaded(ICoreCpu cpu, ITaggedReply reply)
    {
        if (reply is DmaTransferFailed failed)
        {
            cpu.Fault($"loading the kernel failed: {failed.Fault}");
            return;
        }
        cpu.Wait();
    }
}
