namespace ActorHyper.Hocon;

/// <summary>
/// A parsed but unresolved value. Parsing and layering build a tree of nodes; the
/// <see cref="Resolver"/> turns it into <see cref="HoconValue"/>s once everything has been merged.
/// Nodes compare by reference: the resolver memoizes per node instance, as the spec requires for substitutions.
/// </summary>
internal abstract class Node
{
    protected Node(HoconPosition position)
    {
        Position = position;
    }

    public HoconPosition Position { get; }
}
