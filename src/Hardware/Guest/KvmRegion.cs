using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Hardware.Guest;

/// <summary>A region of kernel virtual memory (<c>kvm.create_region()</c>): page-aligned base and size.</summary>
public sealed record KvmRegion(InstanceAddress Base, uint Size)
{
    /// <summary>The offset just past the region (64-bit: a region may end exactly at 4 GiB).</summary>
    public ulong EndOffset => (ulong)Base.Offset + Size;

    public override string ToString() => $"KVM region {Base} (0x{Size:X} bytes)";
}
