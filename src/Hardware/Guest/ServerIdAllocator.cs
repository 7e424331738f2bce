namespace ActorHyper.Hardware.Guest;

/// <summary>
/// Off++ <c>off_Node::get_server_id</c>: the node id as template, the node's sequence number
/// incremented, slot = seq. No locking, as in the seed: it is only used while the boot core runs
/// <c>srvstart</c>, before any shuttle exists (<see cref="BootOrderChecker"/> checks that).
/// </summary>
public sealed class ServerIdAllocator
{
    private readonly List<OffId> issued = [];

    /// <summary>Ids follow <paramref name="node"/>'s seq: from <see cref="OffId.ForNode"/> the first has seq 1.</summary>
    public ServerIdAllocator(OffId node)
    {
        Node = node;
        Seq = node.Seq;
    }

    /// <summary>The template.</summary>
    public OffId Node { get; }

    /// <summary>The node's sequence number: the seq of the last id issued (the template's before any).</summary>
    public int Seq { get; private set; }

    /// <summary>Every id issued so far, in order.</summary>
    public IReadOnlyList<OffId> Issued => issued;

    public OffId GetServerId()
    {
        Seq++;
        var id = new OffId(Node.Node, Seq, Seq);
        issued.Add(id);
        return id;
    }
}
