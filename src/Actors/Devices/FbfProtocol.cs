using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;

namespace ActorHyper.Actors.Devices;

// The frame buffer: one channel per TTY channel index; a frame is kept symbolically, as text.

/// <summary>Draws a frame on a channel. Answered by <see cref="FrameWriteDone"/>.</summary>
public sealed record WriteFrame(long Tag, int Channel, string Content, UnitId Writer);

public sealed record FrameWriteDone(long Tag) : ITaggedReply;

/// <summary>Asks for a channel's current frame. Answered by <see cref="FrameContent"/>.</summary>
/// <summary>Blanks a channel (no frame, none drawn; a kill): answered by <see cref="FrameCleared"/>.</summary>
public sealed record ClearFrame(long Tag, int Channel);

public sealed record FrameCleared(long Tag, int Channel) : ITaggedReply;

public sealed record GetFrame(int Channel);

/// <summary>The last frame drawn (null if none) and how many frames the channel got.</summary>
public sealed record FrameContent(int Channel, string? Content, int Frames);
