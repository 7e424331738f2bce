namespace ActorHyper.Hocon;

/// <summary>
/// The one merge rule HOCON uses for duplicate keys, includes, object concatenation and layers:
/// objects merge field by field, any other later value replaces what came before.
/// </summary>
internal static class NodeMerger
{
    /// <summary>Merges <paramref name="newer"/> over <paramref name="older"/> without changing either.</summary>
    public static Node Merge(Node older, Node newer) => newer switch
    {
        ObjectNode newObject => older switch
        {
            ObjectNode oldObject => MergeObjects(oldObject, newObject),
            MergeNode stack when stack.Definitions[^1] is ObjectNode last =>
                new MergeNode([.. stack.Definitions.SkipLast(1), MergeObjects(last, newObject)], newer.Position),
            MergeNode stack => new MergeNode([.. stack.Definitions, newObject], newer.Position),

            // The older value may yet resolve to an object to merge with, so both must wait.
            SubstitutionNode or ConcatenationNode => new MergeNode([older, newObject], newer.Position),
            _ => newObject,
        },

        // Kept with what it overrides: it may refer to that previous value, or resolve to an object that merges with it.
        SubstitutionNode or ConcatenationNode => older is MergeNode stack
            ? new MergeNode([.. stack.Definitions, newer], newer.Position)
            : new MergeNode([older, newer], newer.Position),
        MergeNode newStack => newStack.Definitions.Aggregate(older, Merge),

        // A plain value or array hides everything before it, which is then never evaluated.
        _ => newer,
    };

    public static ObjectNode MergeObjects(ObjectNode older, ObjectNode newer)
    {
        var merged = new ObjectNode(older.Position);
        foreach (var (key, value) in older.Fields)
        {
            merged.Add(key, value);
        }

        foreach (var (key, value) in newer.Fields)
        {
            merged.Add(key, value);
        }

        return merged;
    }
}
