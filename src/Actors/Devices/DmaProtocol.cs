using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Machine;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;

namespace ActorHyper.Actors.Devices;

// A cluster's DMA engine. Every address it is given goes through its DMA HAT.

/// <summary>Where a transfer reads from.</summary>
public abstract record DmaSource;

/// <summary>Memory (RAM of any cluster, or the ROM) at an address as the DMA issues it.</summary>
public sealed record DmaFromMemory(ulong Address) : DmaSource
{
    public override string ToString() => $"memory 0x{Address:X10}";
}

/// <summary>
/// An IOC channel's disk, from <see cref="Block"/>: <see cref="ChannelAddress"/> is the channel's
/// register window as the DMA issues it (through the device window when its HAT is on, so an
/// instance reaches only its own channel).
/// </summary>
public sealed record DmaFromDisk(ulong ChannelAddress, uint Block) : DmaSource
{
    public override string ToString() => $"disk 0x{ChannelAddress:X10} block {Block}";
}

/// <summary>
/// Moves <see cref="Length"/> bytes from <see cref="Source"/> to <see cref="Destination"/> (RAM), then
/// raises the completion interrupt: a disk transfer's through the IOPIC (the IOC channel's route), a
/// memory transfer's in this cluster's XICU DMA slot. The value written is the length. Transfers run
/// one at a time, in the order asked. Answered by <see cref="DmaTransferDone"/> or <see cref="DmaTransferFailed"/>.
/// </summary>
public sealed record StartDma(long Tag, DmaSource Source, ulong Destination, uint Length, UnitId Requester);

/// <summary>
/// Aborts the transfer in flight and drops the queued ones (a kill). Answered by <see cref="DmaResetDone"/>
/// once nothing the engine issued can still land: every transaction it had in flight has been answered.
/// The aborted transfers get no answer and raise no interrupt.
/// </summary>
public sealed record ResetDma(long Tag);

public sealed record DmaResetDone(long Tag) : ITaggedReply;

public sealed record DmaTransferDone(long Tag, MachineAddress Destination, uint Length) : ITaggedReply;

public sealed record DmaTransferFailed(long Tag, Fault Fault) : ITaggedReply;
