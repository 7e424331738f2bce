namespace ActorHyper.Hocon;

/// <summary>What the parser needs to know about the document it reads and how it was reached.</summary>
/// <param name="Origin">Name used in positions and messages.</param>
/// <param name="Directory">Real directory that relative includes are resolved against; null if there is none.</param>
/// <param name="DisplayDirectory">Directory as shown in the origins of included files.</param>
/// <param name="Prefix">Path of the object this document is included into; empty for a top-level document.</param>
/// <param name="Chain">Files being included, outermost first, to detect include cycles.</param>
internal sealed record DocumentContext(
    string Origin,
    string? Directory,
    string? DisplayDirectory,
    HoconPath Prefix,
    IReadOnlyList<(string FullPath, string Display)> Chain)
{
    public static DocumentContext ForSource(HoconSource source) => new(
        source.Origin,
        source.BaseDirectory,
        source.FilePath is null ? source.BaseDirectory : Path.GetDirectoryName(source.Origin),
        HoconPath.Root,
        source.FilePath is null ? [] : [(Path.GetFullPath(source.FilePath), source.Origin)]);
}
