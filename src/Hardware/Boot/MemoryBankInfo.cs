using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Boot;

/// <summary>Off++ <c>get_minfo(i)</c>: one memory bank per instance cluster.</summary>
public sealed record MemoryBankInfo(int Index, int InstanceCluster, InstanceAddress Base, long Size);
