namespace ActorHyper.Hocon;

/// <summary>
/// Values written next to each other on one line, with at least one substitution among them
/// (concatenations of plain values are folded while parsing). They become one string, array or object.
/// </summary>
internal sealed class ConcatenationNode : Node
{
    public ConcatenationNode(IReadOnlyList<Node> parts, IReadOnlyList<string> gaps, HoconPosition position)
        : base(position)
    {
        Parts = parts;
        Gaps = gaps;
    }

    public IReadOnlyList<Node> Parts { get; }

    /// <summary>The whitespace written before each part (empty for the first); kept only in string results.</summary>
    public IReadOnlyList<string> Gaps { get; }
}
