namespace ActorHyper.Hocon;

/// <summary>An array whose elements may still hold substitutions.</summary>
internal sealed class ArrayNode : Node
{
    public ArrayNode(IReadOnlyList<Node> items, HoconPosition position)
        : base(position)
    {
        Items = items;
    }

    public IReadOnlyList<Node> Items { get; }
}
