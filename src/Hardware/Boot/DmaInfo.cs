using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Boot;

/// <summary>Off++ <c>get_dmainfo(i)</c>: one DMA per instance cluster.</summary>
public sealed record DmaInfo(int Index, int InstanceCluster, InstanceAddress Base, int? Irq);
