using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Exploration.Trace;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Display;
using Akka.Actor;

namespace ActorHyper.Actors.Devices;

/// <summary>The frame buffer of the I/O cluster: the last text frame and the fills of each channel, and how many writes it got.</summary>
public sealed class FbfActor : HardwareUnitActor, IStateDigest
{
    private readonly string?[] frames;
    private readonly int[] counts;
    private readonly List<FrameFill>[] fills;

    public FbfActor(MachineSpec spec)
        : base(new UnitId(UnitKind.Fbf, spec.IoCluster))
    {
        frames = new string?[spec.FbChannels];
        counts = new int[spec.FbChannels];
        fills = [.. Enumerable.Range(0, spec.FbChannels).Select(_ => new List<FrameFill>())];
    }

    public static Props Props(MachineSpec spec) => ProducedProps.Of(() => new FbfActor(spec));

    /// <summary>Each channel's frame, write count and fills.</summary>
    public ulong StateDigest() => StableHash.Add(UnitDigest(), StateDigests.Ordered(Enumerable.Range(0, frames.Length), channel =>
        StableHash.Add(StableHash.Add(MessageDigest.Of(frames[channel]), (ulong)counts[channel]), StateDigests.Ordered(fills[channel], static fill => MessageDigest.Of(fill)))));

    protected override void Wired()
    {
        Receive<WriteFrame>(OnWrite);
        Receive<FillFrame>(OnFill);
        Receive<ClearFrame>(clear =>
        {
            if (!Valid(clear.Channel))
            {
                Refuse(clear.Tag, $"FB channel {clear.Channel} does not exist ({frames.Length} channels)");
                return;
            }
            frames[clear.Channel] = null;
            counts[clear.Channel] = 0;
            fills[clear.Channel].Clear();
            Reply(new FrameCleared(clear.Tag, clear.Channel));
        });
        Receive<GetFrame>(get => Reply(Valid(get.Channel)
            ? new FrameContent(get.Channel, frames[get.Channel], counts[get.Channel]) { Fills = fills[get.Channel].ToValueList() }
            : new FrameContent(get.Channel, null, 0)));
    }

    private void OnWrite(WriteFrame write)
    {
        if (!Valid(write.Channel))
        {
            Refuse(write.Tag, $"FB channel {write.Channel} does not exist ({frames.Length} channels)");
            return;
        }
        frames[write.Channel] = write.Content;
        counts[write.Channel]++;
        Publish(new FrameWritten(Context.Now, Unit, write.Channel, write.Content, write.Writer));
        Reply(new FrameWriteDone(write.Tag));
    }

    private void OnFill(FillFrame fill)
    {
        if (!Valid(fill.Channel))
        {
            Refuse(fill.Tag, $"FB channel {fill.Channel} does not exist ({frames.Length} channels)");
            return;
        }
        fills[fill.Channel].Add(fill.Fill);
        counts[fill.Channel]++;
        Publish(new FrameWritten(Context.Now, Unit, fill.Channel, fill.Fill.ToString(), fill.Writer));
        Reply(new FrameWriteDone(fill.Tag));
    }

    protected override void ResetToPowerOn()
    {
        Array.Clear(frames);
        Array.Clear(counts);
        foreach (var channel in fills)
        {
            channel.Clear();
        }
    }

    private bool Valid(int channel) => channel >= 0 && channel < frames.Length;
}
