namespace ActorHyper.Hocon;

/// <summary>Parses configuration layers, merges them in order, and resolves substitutions once over the result.</summary>
public static class HoconLoader
{
    /// <summary>
    /// Loads <paramref name="sources"/> in order (typically reference text, a user file, then <c>--set</c>
    /// overrides): later layers win, objects merge, and substitutions see the merged tree, so an override
    /// of <c>a</c> also changes <c>b = ${a}</c>.
    /// </summary>
    /// <param name="sources">The layers, lowest priority first.</param>
    /// <param name="environment">
    /// Looks up substitutions missing from the tree; null means the process environment.
    /// </param>
    public static Config Load(IEnumerable<HoconSource> sources, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ObjectNode? merged = null;
        foreach (var source in sources)
        {
            var document = HoconParser.ParseDocument(source.ReadText(), DocumentContext.ForSource(source));
            merged = merged is null ? document : NodeMerger.MergeObjects(merged, document);
        }

        merged ??= new ObjectNode(new HoconPosition("(no sources)", 1, 1));
        return new Config(Resolver.Resolve(merged, environment ?? Environment.GetEnvironmentVariable));
    }

    /// <summary>Loads a single text document.</summary>
    public static Config LoadText(string text, string origin, Func<string, string?>? environment = null) =>
        Load([HoconSource.FromText(text, origin)], environment);
}
