using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Boot;

/// <summary>Off++ <c>get_ioinfo(i)</c>: one I/O bank per device other than RAM and DMA.</summary>
public sealed record IoBankInfo(int Index, DeviceKind Kind, InstanceAddress Base, uint Size, int? Irq);
