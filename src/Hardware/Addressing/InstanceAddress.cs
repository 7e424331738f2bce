namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// A 40-bit instance-physical address: the instance cluster number k in the top 8 bits, a 32-bit
/// offset. Kept apart from <see cref="MachineAddress"/> so the two spaces cannot be mixed up;
/// only a HAT turns one into the other.
/// </summary>
public readonly record struct InstanceAddress
{
    /// <summary>Largest raw 40-bit value.</summary>
    public const ulong MaxRaw = (1UL << 40) - 1;

    /// <summary>Largest instance cluster number (8 bits).</summary>
    public const int MaxInstanceCluster = 0xFF;

    public InstanceAddress(int instanceCluster, uint offset)
    {
        if (instanceCluster is < 0 or > MaxInstanceCluster)
        {
            throw new ArgumentException(
                $"instance cluster must be between 0 and {MaxInstanceCluster}, got {instanceCluster}");
        }
        InstanceCluster = instanceCluster;
        Offset = offset;
    }

    /// <summary>k: the instance's cluster number, not a mesh position.</summary>
    public int InstanceCluster { get; }

    public uint Offset { get; }

    public ulong Raw => ((ulong)InstanceCluster << 32) | Offset;

    public static InstanceAddress FromRaw(ulong raw)
    {
        if (raw > MaxRaw)
        {
            throw new ArgumentException($"instance address 0x{raw:X} is wider than 40 bits");
        }
        return new InstanceAddress((int)(raw >> 32), (uint)raw);
    }

    /// <summary>The address <paramref name="delta"/> bytes further in the same instance cluster.</summary>
    public InstanceAddress Plus(uint delta)
    {
        var offset = (ulong)Offset + delta;
        if (offset > uint.MaxValue)
        {
            throw new ArgumentException($"{this} + 0x{delta:X} runs past the end of instance cluster {InstanceCluster}");
        }
        return new InstanceAddress(InstanceCluster, (uint)offset);
    }

    /// <summary>E.g. <c>k1:0x00400000</c>.</summary>
    public override string ToString() => $"k{InstanceCluster}:0x{Offset:X8}";
}
