using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Display;

namespace ActorHyper.Actors.Devices;

// The frame buffer: one channel per TTY channel index; a frame is kept symbolically: as text, or as
// the rectangles painted on it (FrameGeometry rasterises them when the frame is shown).

/// <summary>Draws a frame on a channel. Answered by <see cref="FrameWriteDone"/>.</summary>
public sealed record WriteFrame(long Tag, int Channel, string Content, UnitId Writer);

public sealed record FrameWriteDone(long Tag) : ITaggedReply;

/// <summary>Paints a rectangle on a channel (the guest's boot progress bar). Answered by <see cref="FrameWriteDone"/>.</summary>
public sealed record FillFrame(long Tag, int Channel, FrameFill Fill, UnitId Writer);

/// <summary>Blanks a channel (no frame, none drawn; a kill): answered by <see cref="FrameCleared"/>.</summary>
public sealed record ClearFrame(long Tag, int Channel);

public sealed record FrameCleared(long Tag, int Channel) : ITaggedReply;

/// <summary>Asks for a channel's current frame. Answered by <see cref="FrameContent"/>.</summary>
public sealed record GetFrame(int Channel);

/// <summary>The last text frame drawn (null if none), how many writes the channel got, and the fills painted since it was blank.</summary>
public sealed record FrameContent(int Channel, string? Content, int Frames)
{
    public ValueList<FrameFill> Fills { get; init; } = ValueList.Of<FrameFill>();
}
