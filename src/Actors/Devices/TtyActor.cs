using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using Akka.Actor;

namespace ActorHyper.Actors.Devices;

/// <summary>
/// The TTY of the I/O cluster: keeps every line written to each channel and sub-channel (later
/// issues print them) and publishes each as it arrives.
/// </summary>
public sealed class TtyActor : HardwareUnitActor, IStateDigest
{
    private readonly List<string>[] lines;

    public TtyActor(MachineSpec spec)
        : base(new UnitId(UnitKind.Tty, spec.IoCluster)) =>
        lines = [.. Enumerable.Range(0, spec.TtyChannels * SegmentMap.TtySubChannels).Select(_ => new List<string>())];

    public static Props Props(MachineSpec spec) => ProducedProps.Of(() => new TtyActor(spec));

    protected override void Wired()
    {
        Receive<WriteTty>(OnWrite);
        Receive<ClearTtyChannel>(OnClear);
        Receive<GetTtyOutput>(get => Reply(new TtyOutput(get.Channel, get.SubChannel,
            Index(get.Channel, get.SubChannel) is { } index ? lines[index].ToValueList() : ValueList.Of<string>())));
    }

    private void OnClear(ClearTtyChannel clear)
    {
        if (Index(clear.Channel, 0) is not { } first)
        {
            Refuse(clear.Tag, $"TTY channel {clear.Channel} does not exist ({lines.Length / SegmentMap.TtySubChannels} channels)");
            return;
        }
        for (var sub = 0; sub < SegmentMap.TtySubChannels; sub++)
        {
            lines[first + sub].Clear();
        }
        Reply(new TtyChannelCleared(clear.Tag, clear.Channel));
    }

    /// <summary>Every sub-channel's lines, in order.</summary>
    public ulong StateDigest() =>
        StableHash.Add(UnitDigest(), StateDigests.Ordered(lines, static channel => StateDigests.Ordered(channel, StableHash.Of)));

    protected override void ResetToPowerOn()
    {
        foreach (var channel in lines)
        {
            channel.Clear();
        }
    }

    private void OnWrite(WriteTty write)
    {
        if (Index(write.Channel, write.SubChannel) is not { } index)
        {
            Refuse(write.Tag, $"TTY sub-channel {write.Channel}.{write.SubChannel} does not exist ({lines.Length / SegmentMap.TtySubChannels} channels of {SegmentMap.TtySubChannels})");
            return;
        }
        lines[index].Add(write.Text);
        Publish(new TtyLineWritten(Context.Now, Unit, write.Channel, write.SubChannel, write.Text, write.Writer));
        Reply(new TtyWriteDone(write.Tag));
    }

    private int? Index(int channel, int subChannel) =>
        channel >= 0 && subChannel is >= 0 and < SegmentMap.TtySubChannels && (channel * SegmentMap.TtySubChannels) + subChannel < lines.Length
            ? (channel * SegmentMap.TtySubChannels) + subChannel
            : null;
}
