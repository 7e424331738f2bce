using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Events;

/// <summary>
/// A memory range was written (a store, or a DMA landing): <see cref="Contents"/> is what the range
/// holds now, at machine offsets of the same cluster; space the range covers but no content does is empty.
/// </summary>
public sealed record MemoryWritten(TimeSpan At, MachineAddress Address, uint Length, ValueList<MemoryRegion> Contents, UnitId Writer)
    : HardwareEvent(At, UnitId.Memory(Address.Cluster))
{
    public override string ToString() => $"{Writer} wrote 0x{Length:X} bytes at {Address}: {Contents}";
}

/// <summary>A memory-to-memory copy landed; <see cref="Contents"/> is what the destination range holds now.</summary>
public sealed record MemoryCopied(
    TimeSpan At, MachineAddress Source, MachineAddress Destination, uint Length, ValueList<MemoryRegion> Contents, UnitId Requester)
    : HardwareEvent(At, UnitId.Memory(Destination.Cluster))
{
    public override string ToString() => $"{Requester} copied 0x{Length:X} bytes {Source} -> {Destination}";
}

/// <summary>A memory range (or the whole RAM of a cluster) was cleared.</summary>
public sealed record MemoryCleared(TimeSpan At, MachineAddress Address, uint Length, UnitId Requester)
    : HardwareEvent(At, UnitId.Memory(Address.Cluster));
