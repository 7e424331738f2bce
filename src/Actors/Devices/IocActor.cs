using ActorHyper.Actors.Events;
using ActorHyper.Actors.Faults;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Faults;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Devices;

/// <summary>
/// The IOC of the I/O cluster: one disk per channel (instance I boots from channel I). It serves
/// reads to DMA engines; the disks' contents are symbolic, so the kernel a DMA lands is a code
/// block a core can later be checked to fetch.
/// </summary>
public sealed class IocActor : HardwareUnitActor
{
    private readonly DiskImage[] images;
    private readonly ClusterMemory[] disks;

    public IocActor(MachineSpec spec, Func<int, DiskImage> images)
        : base(new UnitId(UnitKind.Ioc, spec.IoCluster))
    {
        this.images = [.. Enumerable.Range(0, spec.IocChannels).Select(images)];
        disks = [.. this.images.Select(image => image.Build())];
    }

    public static Props Props(MachineSpec spec, Func<int, DiskImage> images) => ProducedProps.Of(() => new IocActor(spec, images));

    protected override void Wired()
    {
        Receive<ReadDisk>(OnRead);
        Receive<InsertDisk>(insert =>
        {
            if (ValidChannel(insert.Tag, insert.Channel))
            {
                images[insert.Channel] = insert.Image;
                disks[insert.Channel] = insert.Image.Build();
                Reply(new DiskInserted(insert.Tag, insert.Channel));
            }
        });
        Receive<GetDiskImage>(get =>
        {
            if (ValidChannel(get.Tag, get.Channel))
            {
                Reply(new DiskImageInfo(get.Tag, get.Channel, images[get.Channel]));
            }
        });
    }

    private void OnRead(ReadDisk read)
    {
        if (!ValidChannel(read.Tag, read.Channel))
        {
            return;
        }
        if (FaultInjector.For(Context.System) is { IsArmed: true } injector
            && injector.Decide(FaultPoint.IocRead, FaultInjector.IocSite(read.Channel)) is { } fault)
        {
            Publish(new FaultInjected(Context.Now, Unit, fault));
            Refuse(read.Tag, $"IOC read failed on channel {read.Channel} at 0x{read.Offset:X8} (+0x{read.Length:X}): injected {fault}");
            return;
        }
        try
        {
            var pieces = disks[read.Channel].ReadRange(read.Offset, read.Length).ToValueList();
            Reply(new MemoryContents(read.Tag, read.Offset, read.Length, pieces));
        }
        catch (ArgumentException e)
        {
            Refuse(read.Tag, $"IOC channel {read.Channel}: {e.Message}");
        }
    }

    private bool ValidChannel(long tag, int channel)
    {
        if (channel >= 0 && channel < disks.Length)
        {
            return true;
        }
        Refuse(tag, $"IOC channel {channel} does not exist ({disks.Length} channels)");
        return false;
    }
}
