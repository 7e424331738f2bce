namespace ActorHyper.Hocon;

/// <summary>
/// Successive definitions of one field that could not be merged while parsing because some are
/// substitutions or concatenations. Kept in order (oldest first) so that a self-reference in a
/// definition can resolve to the merge of the definitions before it.
/// </summary>
internal sealed class MergeNode : Node
{
    public MergeNode(IReadOnlyList<Node> definitions, HoconPosition position)
        : base(position)
    {
        Definitions = definitions;
    }

    public IReadOnlyList<Node> Definitions { get; }
}
