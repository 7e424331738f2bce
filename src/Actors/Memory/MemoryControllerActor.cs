using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Machine;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Memory;
using Akka.Actor;

namespace ActorHyper.Actors.Memory;

/// <summary>
/// A cluster's memory controller and its RAM. Besides fetches and reads it takes stores, DMA
/// landings, clears, and memory-to-memory copies, which it carries out as a read of the source
/// controller (or the ROM) followed by a write here: two hops, so other writes can slip between.
/// </summary>
public sealed class MemoryControllerActor : MemoryUnitActor
{
    private readonly ClusterId cluster;
    private readonly PendingRequests copies = new();

    public MemoryControllerActor(MachineSpec spec, ClusterId cluster)
        : base(UnitId.Memory(cluster), new ClusterMemory(spec.RamPerCluster)) => this.cluster = cluster;

    public static Props Props(MachineSpec spec, ClusterId cluster) =>
        ProducedProps.Of(() => new MemoryControllerActor(spec, cluster));

    protected override void Wired()
    {
        base.Wired();
        Receive<WriteMemory>(OnWrite);
        Receive<PasteMemory>(OnPaste);
        Receive<CopyMemory>(OnCopy);
        Receive<ClearMemory>(OnClear);
        Receive<ITaggedReply>(reply => copies.Complete(reply));
    }

    protected override IEnumerable<string> Residue()
    {
        if (!Memory.IsEmpty)
        {
            yield return $"RAM holds {Memory}";
        }
    }

    protected override void ResetToPowerOn()
    {
        Memory.Clear();
        copies.Restart();
    }

    private void OnWrite(WriteMemory write)
    {
        if (Apply(write.Tag, () => Memory.Write(write.Offset, write.Length, write.Content)))
        {
            Publish(new MemoryWritten(Context.Now, At(write.Offset), write.Length, Contents(write.Offset, write.Length), write.Writer));
            Reply(new MemoryWriteDone(write.Tag));
        }
    }

    private void OnPaste(PasteMemory paste)
    {
        if (Apply(paste.Tag, () => Memory.Paste(paste.Offset, paste.Length, paste.Pieces, paste.SourceOffset)))
        {
            Publish(new MemoryWritten(Context.Now, At(paste.Offset), paste.Length, Contents(paste.Offset, paste.Length), paste.Writer));
            Reply(new MemoryWriteDone(paste.Tag));
        }
    }

    private void OnClear(ClearMemory clear)
    {
        var length = clear.Length == 0 ? (uint)Memory.Size : clear.Length;
        var whole = clear.Length == 0;
        if (Apply(clear.Tag, () =>
            {
                if (whole)
                {
                    Memory.Clear();
                }
                else
                {
                    Memory.Clear(clear.Offset, clear.Length);
                }
            }))
        {
            Publish(new MemoryCleared(Context.Now, At(whole ? 0 : clear.Offset), length, clear.Requester));
            Reply(new MemoryWriteDone(clear.Tag));
        }
    }

    private void OnCopy(CopyMemory copy)
    {
        var requester = Context.Sender;
        if ((ulong)copy.Offset + copy.Length > (ulong)Memory.Size || copy.Length == 0)
        {
            Refuse(copy.Tag, $"copy of 0x{copy.Length:X} bytes to 0x{copy.Offset:X8} does not fit in {Unit} (0x{Memory.Size:X} bytes)");
            return;
        }
        var source = Directory.Map.Decode(copy.Source);
        var reader = source.Kind switch
        {
            DeviceKind.Ram => Directory.Memory(source.Cluster),
            DeviceKind.Rom => Directory.Rom,
            _ => null,
        };
        if (reader is null)
        {
            Refuse(copy.Tag, source.IsMapped
                ? $"copy source {copy.Source} is the {source}, not memory"
                : $"copy source {copy.Source} is unmapped: {source.UnmappedReason}");
            return;
        }
        var tag = copies.Register(reply => Land(copy, requester, reply));
        reader.Tell(new ReadMemory(tag, source.SegmentOffset, copy.Length), Self);
    }

    private void Land(CopyMemory copy, IActorRef requester, ITaggedReply reply)
    {
        if (reply is AccessRefused refused)
        {
            Answer(requester, new AccessRefused(copy.Tag, Unit, $"copy source refused the read: {refused.Reason}"));
            return;
        }
        var read = (MemoryContents)reply;
        Memory.Paste(copy.Offset, copy.Length, read.Pieces, read.Offset);
        Publish(new MemoryCopied(Context.Now, copy.Source, At(copy.Offset), copy.Length, Contents(copy.Offset, copy.Length), copy.Requester));
        Answer(requester, new MemoryWriteDone(copy.Tag));
    }

    private bool Apply(long tag, Action change)
    {
        try
        {
            change();
            return true;
        }
        catch (ArgumentException e)
        {
            Refuse(tag, e.Message);
            return false;
        }
    }

    private void Answer(IActorRef requester, object reply)
    {
        if (!IsNoSender(requester, Context.System))
        {
            requester.Tell(reply, Self);
        }
    }

    private MachineAddress At(uint offset) => new(cluster, offset);

    private ValueList<MemoryRegion> Contents(uint offset, uint length) =>
        Memory.ReadRange(offset, length).ToValueList();
}
