namespace HoconConformance;

/// <summary>What one implementation made of a case: the resolved tree as JSON, or the error it reported.</summary>
internal sealed record Outcome(string? Json, string? Error)
{
    public bool Ok => Json is not null;

    public bool SameAs(Outcome other) => Ok == other.Ok && (!Ok || JsonTrees.Same(Json!, other.Json!));

    public override string ToString() => Ok ? Json! : $"error: {Error}";
}
