namespace ActorHyper.Hocon;

/// <summary>Finds, reads and parses included files, relative to the including document's directory.</summary>
internal static class IncludeResolver
{
    // HOCON is parsed last so that, when both exist, it wins over JSON (as the spec orders them).
    private static readonly string[] Extensions = [".json", ".conf"];

    /// <summary>The included object, or null when an optional include names no existing file.</summary>
    public static ObjectNode? Include(string name, bool required, HoconPosition at, DocumentContext including)
    {
        if (including.Directory is null && !Path.IsPathRooted(name))
        {
            throw new HoconException(at, $"cannot include \"{name}\": {including.Origin} has no directory to resolve it against");
        }

        var files = Candidates(name, including).Where(file => File.Exists(file.FullPath)).ToList();
        if (files.Count == 0)
        {
            return required ? throw new HoconException(at, $"include not found: \"{name}\"") : null;
        }

        ObjectNode? merged = null;
        foreach (var (fullPath, display) in files)
        {
            var included = Parse(fullPath, display, name, at, including);
            merged = merged is null ? included : NodeMerger.MergeObjects(merged, included);
        }

        return merged;
    }

    /// <summary>
    /// The file's full path and the name shown in messages (relative to how the including file was named).
    /// A name without extension means every known format that exists; failing those, the bare name.
    /// </summary>
    private static List<(string FullPath, string Display)> Candidates(string name, DocumentContext including)
    {
        var fullPath = Path.GetFullPath(Path.Combine(including.Directory ?? string.Empty, name));
        var display = Path.IsPathRooted(name) ? name : Path.Join(including.DisplayDirectory, name);
        if (Path.HasExtension(name))
        {
            return [(fullPath, display)];
        }

        var withExtensions = Extensions
            .Select(extension => (fullPath + extension, display + extension))
            .Where(candidate => File.Exists(candidate.Item1))
            .ToList();
        return withExtensions.Count > 0 ? withExtensions : [(fullPath, display)];
    }

    private static ObjectNode Parse(string fullPath, string display, string name, HoconPosition at, DocumentContext including)
    {
        var cycleStart = including.Chain.ToList().FindIndex(entry => entry.FullPath == fullPath);
        if (cycleStart >= 0)
        {
            var chain = including.Chain.Skip(cycleStart).Select(entry => entry.Display).Append(display);
            throw new HoconException(at, $"include cycle: {string.Join(" -> ", chain)}");
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(at, $"cannot read include \"{name}\": {e.Message}");
        }

        var context = new DocumentContext(
            display,
            Path.GetDirectoryName(fullPath),
            Path.GetDirectoryName(display),
            including.Prefix,
            [.. including.Chain, (fullPath, display)]);
        return HoconParser.ParseDocument(text, context);
    }
}
