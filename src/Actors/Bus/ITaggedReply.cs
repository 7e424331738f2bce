namespace ActorHyper.Actors.Bus;

/// <summary>
/// A reply to a request that carried a tag. Requesters with several requests in flight (a core, a
/// DMA engine, a memory controller doing a copy) match replies to requests by it.
/// </summary>
public interface ITaggedReply
{
    long Tag { get; }
}
