using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Boot;

/// <summary>
/// One cluster of the instance in the arch-info: its instance number k, the machine cluster behind
/// it (for the monitors; the guest only uses instance addresses), its cores, its RAM and its own
/// devices (XICU, DMA).
/// </summary>
public sealed record ArchInfoCluster(
    int InstanceCluster,
    ClusterId MachineCluster,
    int Cores,
    InstanceAddress RamBase,
    long RamSize,
    ValueList<ArchInfoDevice> Devices)
{
    public override string ToString() =>
        $"k{InstanceCluster} = {MachineCluster}: {Cores} cores, RAM {RamBase} (0x{RamSize:X} bytes), {Devices.Count} devices";
}
