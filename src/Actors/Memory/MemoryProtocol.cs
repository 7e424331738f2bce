using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;

namespace ActorHyper.Actors.Memory;

// What a cluster's memory controller (and, read-only, the ROM) answers. Offsets are inside the
// memory: a RAM offset for a memory controller, an offset inside the ROM segment for the ROM.
// Every request is answered by its reply or by an AccessRefused with the same tag.

/// <summary>
/// A core's instruction fetch at <paramref name="Offset"/>, expecting the entry point of
/// <paramref name="Expected"/> (or of any code when null). Answered by <see cref="FetchCodeResult"/>.
/// </summary>
public sealed record FetchCode(long Tag, uint Offset, CodeIdentity? Expected);

public sealed record FetchCodeResult(long Tag, FetchResult Result) : ITaggedReply;

/// <summary>Stores one content over [Offset, +Length). Answered by <see cref="MemoryWriteDone"/>.</summary>
public sealed record WriteMemory(long Tag, uint Offset, uint Length, MemoryContent Content, UnitId Writer);

/// <summary>
/// Writes what a <see cref="ReadMemory"/> of [SourceOffset, +Length) elsewhere returned over
/// [Offset, +Length) here: how a DMA lands. Answered by <see cref="MemoryWriteDone"/>.
/// </summary>
public sealed record PasteMemory(long Tag, uint Offset, uint Length, ValueList<MemoryRegion> Pieces, uint SourceOffset, UnitId Writer);

/// <summary>
/// Copies [Source, +Length) (RAM of any cluster, or the ROM) over [Offset, +Length) of this memory:
/// the destination controller reads the source's controller and writes what it got. Answered by
/// <see cref="MemoryWriteDone"/> once the copy has landed.
/// </summary>
public sealed record CopyMemory(long Tag, MachineAddress Source, uint Offset, uint Length, UnitId Requester);

/// <summary>Empties [Offset, +Length), or the whole memory when <paramref name="Length"/> is 0. Answered by <see cref="MemoryWriteDone"/>.</summary>
public sealed record ClearMemory(long Tag, uint Offset, uint Length, UnitId Requester)
{
    public static ClearMemory All(long tag, UnitId requester) => new(tag, 0, 0, requester);
}

public sealed record MemoryWriteDone(long Tag) : ITaggedReply;

/// <summary>Reads [Offset, +Length). Answered by <see cref="MemoryContents"/>.</summary>
public sealed record ReadMemory(long Tag, uint Offset, uint Length);

/// <summary>The regions overlapping the range read, clipped to it, at this memory's offsets.</summary>
public sealed record MemoryContents(long Tag, uint Offset, uint Length, ValueList<MemoryRegion> Pieces) : ITaggedReply;
