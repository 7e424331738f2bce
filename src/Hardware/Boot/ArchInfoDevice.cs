using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// A device as the arch-info lists it: kind, base (instance address), size and irq. The irq is the
/// WTI slot its interrupt is written to: in its own cluster's XICU for a cluster device (DMA), in
/// instance cluster 0's XICU for an I/O device (routed by the IOPIC); null if it raises none.
/// </summary>
public sealed record ArchInfoDevice(DeviceKind Kind, InstanceAddress Base, uint Size, int? Irq)
{
    public override string ToString() =>
        $"{Kind.ToString().ToUpperInvariant()} at {Base} (0x{Size:X} bytes){(Irq is { } irq ? $", irq slot {irq}" : "")}";
}
