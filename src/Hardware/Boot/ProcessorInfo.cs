namespace ActorHyper.Hardware.Boot;

/// <summary>Off++ <c>get_procinfo(i)</c>: one per core; index = k * cores per cluster + local index.</summary>
public sealed record ProcessorInfo(int Index, int InstanceCluster, int LocalIndex, bool IsBoot);
