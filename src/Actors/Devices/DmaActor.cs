using ActorHyper.Actors.Bus;
using ActorHyper.Actors.Events;
using ActorHyper.Actors.Faults;
using ActorHyper.Actors.Interrupts;
using ActorHyper.Actors.Machine;
using ActorHyper.Actors.Memory;
using ActorHyper.Actors.Translation;
using ActorHyper.Exploration.Driver;
using ActorHyper.Exploration.Runtime;
using ActorHyper.Hardware;
using ActorHyper.Hardware.Addressing;
using ActorHyper.Hardware.Faults;
using ActorHyper.Hardware.Interrupts;
using Akka.Actor;

namespace ActorHyper.Actors.Devices;

/// <summary>
/// A cluster's DMA engine. Each transfer is a chain of transactions, one message each: translate
/// the destination and the source through the DMA HAT, read the source (memory controller, ROM or
/// IOC), land the pieces in the destination memory controller, raise the completion interrupt.
/// </summary>
public sealed class DmaActor(ClusterId cluster) : HardwareUnitActor(UnitId.Dma(cluster))
{
    private readonly PendingRequests pending = new();
    private readonly Queue<Job> queue = new();
    private readonly List<(long Tag, IActorRef ReplyTo)> resets = [];

    /// <summary>
    /// A reset's fence through the IOPIC: asked once nothing is in flight, answered after every
    /// completion interrupt this engine posted before it (one sender's messages arrive in order).
    /// </summary>
    private FenceState fence;
    private Job? current;

    public static Props Props(ClusterId cluster) => ProducedProps.Of(() => new DmaActor(cluster));

    protected override void Wired()
    {
        Receive<StartDma>(start =>
        {
            queue.Enqueue(new Job(start, Context.Sender));
            if (current is null)
            {
                Next();
            }
        });
        Receive<ResetDma>(OnReset);
        Receive<IopicRoutes>(_ =>
        {
            fence = FenceState.Passed;
            AnswerResetsOnceIdle();
        });
        Receive<ITaggedReply>(reply =>
        {
            pending.Complete(reply);
            AnswerResetsOnceIdle();
        });
    }

    /// <summary>No new work; what is in flight is answered into nothing, and the reset is done when nothing is left in flight.</summary>
    private void OnReset(ResetDma reset)
    {
        queue.Clear();
        current = null;
        pending.Ignore();
        resets.Add((reset.Tag, Context.Sender));
        AnswerResetsOnceIdle();
    }

    /// <summary>
    /// A reset is answered once nothing the engine issued can still land: no reply due, and every
    /// completion interrupt it posted taken by the IOPIC. A kill removes the instance's routes next,
    /// and an interrupt of the aborted transfer arriving after that was one no route carried.
    /// </summary>
    private void AnswerResetsOnceIdle()
    {
        if (resets.Count == 0 || pending.Count > 0)
        {
            return;
        }
        if (fence != FenceState.Passed)
        {
            if (fence == FenceState.None)
            {
                fence = FenceState.Asked;
                Directory.Iopic.Tell(GetRoutes.Instance, Self);
            }
            return;
        }
        fence = FenceState.None;
        foreach (var (tag, replyTo) in resets)
        {
            if (!IsNoSender(replyTo, Context.System))
            {
                replyTo.Tell(new DmaResetDone(tag), Self);
            }
        }
        resets.Clear();
    }

    protected override IEnumerable<string> Residue()
    {
        if (current is not null || queue.Count > 0)
        {
            yield return $"DMA busy: {(current is null ? 0 : 1)} transfer in flight, {queue.Count} queued";
        }
    }

    /// <summary>No transfer in flight or queued; tags from 1 again.</summary>
    protected override void ResetToPowerOn()
    {
        pending.Restart();
        queue.Clear();
        resets.Clear();
        fence = FenceState.None;
        current = null;
    }

    private enum FenceState
    {
        None,
        Asked,
        Passed,
    }

    private void Next()
    {
        if (!queue.TryDequeue(out var job))
        {
            current = null;
            return;
        }
        current = job;
        Translate(job, job.Request.Destination, (issued, destination) =>
        {
            if (destination.Kind != DeviceKind.Ram)
            {
                Fail(job, new Fault(issued, $"the DMA writes only to RAM, not to the {destination}"));
                return;
            }
            // Decided once the destination is known, so the fault names the address the transfer was for.
            if (FaultInjector.For(Context.System) is { IsArmed: true } injector
            && injector.Decide(FaultPoint.DmaTransfer, FaultInjector.DmaSite(cluster)) is { } fault)
            {
                Publish(new FaultInjected(Context.Now, Unit, fault));
                Fail(job, new Fault(issued, $"DMA fault: the transfer from {job.Request.Source} aborted: injected {fault}"));
                return;
            }
            ReadSource(job, read => Land(job, destination, read));
        });
    }

    private void ReadSource(Job job, Action<MemoryContents> then)
    {
        switch (job.Request.Source)
        {
            case DmaFromMemory memory:
                Translate(job, memory.Address, (issued, source) =>
                {
                    var reader = source.Kind switch
                    {
                        DeviceKind.Ram => Directory.Memory(source.Cluster),
                        DeviceKind.Rom => Directory.Rom,
                        _ => null,
                    };
                    if (reader is null)
                    {
                        Fail(job, new Fault(issued, $"the DMA reads memory, not the {source}"));
                        return;
                    }
                    Ask(job, issued, reader, tag => new ReadMemory(tag, source.SegmentOffset, job.Request.Length), reply => then((MemoryContents)reply));
                });
                break;
            case DmaFromDisk disk:
                Translate(job, disk.ChannelAddress, (issued, source) =>
                {
                    if (source.Kind != DeviceKind.Ioc)
                    {
                        Fail(job, new Fault(issued, $"a disk transfer reads an IOC channel, not the {source}"));
                        return;
                    }
                    var offset = (ulong)disk.Block * DiskImage.BlockSize;
                    if (offset > uint.MaxValue)
                    {
                        Fail(job, new Fault(issued, $"block {disk.Block} is past the end of any disk"));
                        return;
                    }
                    Ask(job, issued, Directory.Ioc, tag => new ReadDisk(tag, source.Channel, (uint)offset, job.Request.Length),
                        reply => then((MemoryContents)reply));
                });
                break;
        }
    }

    private void Land(Job job, AddressTarget destination, MemoryContents read)
    {
        var request = job.Request;
        var at = TaggedAddress.Machine(destination.Address);
        Ask(job, at, Directory.Memory(destination.Cluster),
            tag => new PasteMemory(tag, destination.SegmentOffset, request.Length, read.Pieces, read.Offset, Unit),
            _ =>
            {
                Publish(new DmaCompleted(Context.Now, cluster, request.Source, destination.Address, request.Length, request.Requester));
                Answer(job, new DmaTransferDone(request.Tag, destination.Address, request.Length));
                RaiseCompletion(job);
                Next();
            });
    }

    /// <summary>Posted writes: the engine does not wait for the interrupt to be taken.</summary>
    private void RaiseCompletion(Job job)
    {
        if (job.Channel is { } channel)
        {
            Directory.Iopic.Tell(new DeviceInterrupt(IrqSource.Ioc(channel), job.Request.Length), ActorRefs.NoSender);
        }
        else
        {
            Directory.Xicu(cluster).Tell(new WriteMailbox(0, Directory.Layout.DmaSlot, job.Request.Length, Unit), ActorRefs.NoSender);
        }
    }

    /// <summary>Translates through the DMA HAT and decodes; a fault or an unmapped address fails the transfer.</summary>
    private void Translate(Job job, ulong address, Action<TaggedAddress, AddressTarget> then)
    {
        var tag = pending.Register(reply =>
        {
            var translated = (Translated)reply;
            if (translated.Result.Fault is { } fault)
            {
                Fail(job, fault with { Reason = $"translation fault: {fault.Reason}" });
                return;
            }
            var target = Directory.Map.Decode(translated.Result.Address);
            if (!target.IsMapped)
            {
                Fail(job, new Fault(translated.Issued, $"unmapped: {target.UnmappedReason}"));
                return;
            }
            if (target.Kind == DeviceKind.Ioc)
            {
                job.Channel = target.Channel;
            }
            then(translated.Issued, target);
        });
        Directory.DmaHat(cluster).Tell(new Translate(tag, address), Self);
    }

    private void Ask(Job job, TaggedAddress at, IActorRef unit, Func<long, object> request, Action<ITaggedReply> then)
    {
        var tag = pending.Register(reply =>
        {
            if (reply is AccessRefused refused)
            {
                Fail(job, new Fault(at, $"{refused.By} refused: {refused.Reason}"));
                return;
            }
            then(reply);
        });
        unit.Tell(request(tag), Self);
    }

    private void Fail(Job job, Fault fault)
    {
        Publish(new DmaFaulted(Context.Now, cluster, fault, job.Request.Requester));
        Answer(job, new DmaTransferFailed(job.Request.Tag, fault));
        Next();
    }

    private void Answer(Job job, object reply)
    {
        if (!IsNoSender(job.ReplyTo, Context.System))
        {
            job.ReplyTo.Tell(reply, Self);
        }
    }

    private sealed class Job(StartDma request, IActorRef replyTo)
    {
        public StartDma Request { get; } = request;

        public IActorRef ReplyTo { get; } = replyTo;

        /// <summary>The IOC channel read, for a disk transfer: whose interrupt signals completion.</summary>
        public int? Channel { get; set; }
    }
}
