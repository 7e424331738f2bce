using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Memory;

/// <summary>
/// The boot ROM of the I/O cluster: the hypervisor at the reset vector, the HAT activation code and
/// the boot loader (see <see cref="RomImage"/>). Fetched and read (copied from); every write is refused.
/// </summary>
public sealed class RomActor(ClusterId ioCluster) : MemoryUnitActor(new UnitId(UnitKind.Rom, ioCluster), RomImage.Build())
{
    public static Props Props(MachineSpec spec) => ProducedProps.Of(() => new RomActor(spec.IoCluster));

    protected override void Wired()
    {
        base.Wired();
        Receive<WriteMemory>(write => Refuse(write.Tag, "the boot ROM is read-only"));
        Receive<PasteMemory>(paste => Refuse(paste.Tag, "the boot ROM is read-only"));
        Receive<CopyMemory>(copy => Refuse(copy.Tag, "the boot ROM is read-only"));
        Receive<ClearMemory>(clear => Refuse(clear.Tag, "the boot ROM is read-only"));
    }
}
