namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// A 40-bit machine-physical address: the cluster index in the top 8 bits, a 32-bit offset inside
/// the cluster. What a core emits with its HAT off, and what a HAT produces when on.
/// </summary>
public readonly record struct MachineAddress(ClusterId Cluster, uint Offset)
{
    /// <summary>Largest raw 40-bit value.</summary>
    public const ulong MaxRaw = (1UL << 40) - 1;

    public ulong Raw => ((ulong)Cluster.Index << 32) | Offset;

    public static MachineAddress FromRaw(ulong raw)
    {
        if (raw > MaxRaw)
        {
            throw new ArgumentException($"machine address 0x{raw:X} is wider than 40 bits");
        }
        return new MachineAddress(ClusterId.FromIndex((int)(raw >> 32)), (uint)raw);
    }

    /// <summary>The address <paramref name="delta"/> bytes further in the same cluster.</summary>
    public MachineAddress Plus(uint delta)
    {
        var offset = (ulong)Offset + delta;
        if (offset > uint.MaxValue)
        {
            throw new ArgumentException($"{this} + 0x{delta:X} runs past the end of cluster {Cluster}");
        }
        return this with { Offset = (uint)offset };
    }

    /// <summary>E.g. <c>(1,2):0x00400000</c>.</summary>
    public override string ToString() => $"{Cluster}:0x{Offset:X8}";
}
