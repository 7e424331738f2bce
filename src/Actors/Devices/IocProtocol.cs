using ActorHyper.Actors.Bus;

namespace ActorHyper.Actors.Devices;

// The block device: one channel per instance number, each holding a disk image.

/// <summary>Reads [Offset, +Length) of a channel's disk. Answered by a <see cref="Memory.MemoryContents"/> at disk offsets.</summary>
public sealed record ReadDisk(long Tag, int Channel, uint Offset, uint Length);

/// <summary>Replaces a channel's disk. Answered by <see cref="DiskInserted"/>.</summary>
public sealed record InsertDisk(long Tag, int Channel, DiskImage Image);

public sealed record DiskInserted(long Tag, int Channel) : ITaggedReply;

/// <summary>Asks what a channel's disk holds. Answered by <see cref="DiskImageInfo"/>.</summary>
public sealed record GetDiskImage(long Tag, int Channel);

public sealed record DiskImageInfo(long Tag, int Channel, DiskImage Image) : ITaggedReply;
