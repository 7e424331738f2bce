using ActorHyper.Actors.Devices;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Events;

/// <summary>A DMA transfer landed in memory (its completion interrupt follows).</summary>
public sealed record DmaCompleted(TimeSpan At, ClusterId Dma, DmaSource Source, MachineAddress Destination, uint Length, UnitId Requester)
    : HardwareEvent(At, UnitId.Dma(Dma))
{
    public override string ToString() => $"DMA {Dma} moved 0x{Length:X} bytes from {Source} to {Destination} for {Requester}";
}

/// <summary>A DMA transfer failed (translation fault, a source or destination that is not memory).</summary>
public sealed record DmaFaulted(TimeSpan At, ClusterId Dma, Fault Fault, UnitId Requester) : HardwareEvent(At, UnitId.Dma(Dma));

/// <summary>A line was written to a TTY sub-channel.</summary>
public sealed record TtyLineWritten(TimeSpan At, UnitId Tty, int Channel, int SubChannel, string Text, UnitId Writer) : HardwareEvent(At, Tty)
{
    public override string ToString() => $"TTY {Channel}.{SubChannel}: {Text}";
}

/// <summary>A frame was drawn on a frame-buffer channel.</summary>
public sealed record FrameWritten(TimeSpan At, UnitId Fbf, int Channel, string Content, UnitId Writer) : HardwareEvent(At, Fbf);
