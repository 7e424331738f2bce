namespace ActorHyper.Hardware.Addressing;

/// <summary>Which address space a raw 40-bit address belongs to.</summary>
public enum AddressSpace
{
    /// <summary>Machine-physical: cluster index in the top 8 bits (HAT off).</summary>
    Machine,

    /// <summary>Instance-physical: instance cluster number in the top 8 bits (HAT on).</summary>
    Instance,
}
