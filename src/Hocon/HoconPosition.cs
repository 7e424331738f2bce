namespace ActorHyper.Hocon;

/// <summary>A place in configuration text: the origin (file name, or a label such as <c>--set #2</c>), 1-based line and column.</summary>
public readonly record struct HoconPosition(string Origin, int Line, int Column)
{
    public override string ToString() => $"{Origin}:{Line}:{Column}";
}
