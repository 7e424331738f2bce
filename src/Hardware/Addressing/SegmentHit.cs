namespace ActorHyper.Hardware.Addressing;

/// <summary>
/// A device segment an offset falls in: the kind, the channel (XICU: the WTI slot; IOPIC: the
/// input), the TTY sub-channel, and the offset inside that channel's register window.
/// </summary>
public readonly record struct SegmentHit(DeviceKind Kind, uint SegmentOffset, int Channel, int SubChannel);
