using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Interrupts;

/// <summary>A WTI mailbox somewhere on the chip: the cluster's XICU and the slot.</summary>
public readonly record struct XicuTarget(ClusterId Cluster, int Slot)
{
    public override string ToString() => $"{Cluster} slot {Slot}";
}
