namespace ActorHyper.Hardware.Guest;

/// <summary>
/// An Off++ identifier (<c>off_id_t</c>): the node it belongs to, a sequence number and a portal
/// slot. The node's own id has seq 0 and slot 0; <see cref="ServerIdAllocator"/> derives server ids
/// from it. Printed as <c>n{Node}.{Seq}/{Slot}</c>, e.g. <c>n6.3/3</c>, so a wrong slot stands out.
/// </summary>
public readonly record struct OffId
{
    public OffId(int node, int seq, int slot)
    {
        if (node < 0 || seq < 0 || slot < 0)
        {
            throw new ArgumentException($"an Off++ id has no negative fields, got node {node}, seq {seq}, slot {slot}");
        }
        Node = node;
        Seq = seq;
        Slot = slot;
    }

    /// <summary>The node (in the simulation: the instance) the id was issued by.</summary>
    public int Node { get; }

    public int Seq { get; }

    public int Slot { get; }

    /// <summary>
    /// Server ids keep slot = seq so the portal server's slot allocator matches them and no
    /// relocation is needed (seed 003).
    /// </summary>
    public bool SlotMatchesSeq => Slot == Seq;

    /// <summary>The node's own id, the template for its server ids.</summary>
    public static OffId ForNode(int node) => new(node, 0, 0);

    /// <summary>E.g. <c>n6.3/3</c>: node 6, seq 3, slot 3.</summary>
    public override string ToString() => $"n{Node}.{Seq}/{Slot}";
}
