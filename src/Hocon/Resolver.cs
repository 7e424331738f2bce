using System.Text;

namespace ActorHyper.Hocon;

/// <summary>
/// Resolves substitutions against the whole merged tree and produces the final values.
/// Lookups are lazy: a path is followed through objects without resolving their other fields,
/// so objects may refer to their own fields. A lookup that reaches a field whose definition is
/// being resolved is a self-reference and sees the field's earlier definitions instead; when
/// there are none, the lookup has come round in a cycle.
/// </summary>
internal sealed class Resolver
{
    private readonly ObjectNode _root;
    private readonly Func<string, string?> _environment;

    // Memos per node instance; a null entry means "undefined" (an optional substitution that found nothing).
    private readonly Dictionary<Node, HoconValue?> _values = [];
    private readonly Dictionary<Node, Node?> _shapes = [];

    // Field values whose definition is being resolved, mapped to what their earlier definitions merge to (null: none).
    private readonly Dictionary<Node, Node?> _earlier = [];
    private readonly HashSet<Node> _inProgress = [];

    // The self-reference windows (keys of _earlier) that what is being computed looked into and found
    // nothing before: such a result holds only inside the window, so it is not memoized.
    private HashSet<Node> _taint = [];

    // Merges whose shape left out a definition that led back to an object still being resolved; computed afresh later.
    private readonly HashSet<Node> _incomplete = [];

    // What is being resolved, innermost last, labelled with where it was reached (a.b, a.list[2]), to describe cycles.
    private readonly List<(Node Node, string Label)> _stack = [];

    private Resolver(ObjectNode root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(ObjectNode root, Func<string, string?> environment) =>
        (HoconObject)new Resolver(root, environment).Resolve(root, string.Empty)!;

    /// <summary>The final value of a node, or null when it is undefined.</summary>
    private HoconValue? Resolve(Node node, string label)
    {
        if (node is SimpleNode simple)
        {
            return simple.Value;
        }

        if (_values.TryGetValue(node, out var known))
        {
            return known;
        }

        // Only values that contain themselves get here, e.g. a : { b : ${a} }.
        if (!_inProgress.Add(node))
        {
            throw CycleError(node, _stack[^1].Node.Position);
        }

        var outerTaint = _taint;
        _taint = [];
        _stack.Add((node, label));
        var value = node switch
        {
            ObjectNode obj => ResolveObject(obj, label),
            ArrayNode array => ResolveArray(array, label),

            // What a substitution finds lives at the path it names.
            SubstitutionNode substitution => Shape(node, label) is { } found ? Resolve(found, substitution.Path.ToString()) : null,
            _ => Shape(node, label) is { } shape ? Resolve(shape, label) : null,
        };
        _stack.RemoveAt(_stack.Count - 1);
        _inProgress.Remove(node);
        if (Untainted(node, outerTaint))
        {
            _values[node] = value;
        }

        return value;
    }

    private HoconObject ResolveObject(ObjectNode obj, string label)
    {
        var fields = new List<KeyValuePair<string, HoconValue>>();
        foreach (var (key, child) in obj.Fields)
        {
            var childLabel = label.Length == 0 ? HoconPath.RenderKey(key) : $"{label}.{HoconPath.RenderKey(key)}";

            // An undefined optional substitution leaves the field out.
            if (Resolve(child, childLabel) is { } value)
            {
                fields.Add(KeyValuePair.Create(key, value));
            }
        }

        return new HoconObject(fields, obj.Position);
    }

    private HoconArray ResolveArray(ArrayNode array, string label)
    {
        var items = new List<HoconValue>();
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (Resolve(array.Items[i], $"{label}[{i}]") is { } value)
            {
                items.Add(value);
            }
        }

        return new HoconArray(items, array.Position);
    }

    /// <summary>
    /// The node's top level made definite — an object, array or simple node whose children may
    /// still be unresolved — or null when it is undefined.
    /// </summary>
    private Node? Shape(Node node, string label)
    {
        if (node is ObjectNode or ArrayNode or SimpleNode)
        {
            return node;
        }

        if (_shapes.TryGetValue(node, out var known))
        {
            return known;
        }

        var outerTaint = _taint;
        _taint = [];
        _stack.Add((node, label));
        var shape = node switch
        {
            SubstitutionNode substitution => WithoutEarlierValue(substitution, () => Substitute(substitution)),
            ConcatenationNode concatenation => WithoutEarlierValue(concatenation, () => Concatenate(concatenation, label)),
            _ => MergeDefinitions((MergeNode)node, label),
        };
        _stack.RemoveAt(_stack.Count - 1);
        if (Untainted(node, outerTaint) && !_incomplete.Remove(node))
        {
            _shapes[node] = shape;
        }

        return shape;
    }

    /// <summary>
    /// Ends a computation of <paramref name="node"/>: whether its result holds everywhere (its own window
    /// does not count against it), passing what it depended on to the enclosing computation.
    /// </summary>
    private bool Untainted(Node node, HashSet<Node> outerTaint)
    {
        var inner = _taint;
        inner.Remove(node);
        outerTaint.UnionWith(inner);
        _taint = outerTaint;
        return inner.Count == 0;
    }

    /// <summary>A field defined once by a substitution or concatenation has nothing earlier to refer back to.</summary>
    private Node? WithoutEarlierValue(Node node, Func<Node?> resolve)
    {
        _earlier.Add(node, null);
        var shape = resolve();
        _earlier.Remove(node);
        return shape;
    }

    /// <summary>Merges a field's definitions oldest first; each sees the merge of those before it as its own field's value.</summary>
    private Node? MergeDefinitions(MergeNode stack, string label)
    {
        Node? merged = null;
        foreach (var definition in stack.Definitions)
        {
            Node? shape;
            if (definition is SubstitutionNode or ConcatenationNode)
            {
                _earlier[stack] = merged;
                shape = Shape(definition, label);
                if (shape is ObjectNode or ArrayNode)
                {
                    shape = ResolveInsideWindow(stack, merged is not null, shape, label);
                }

                _earlier.Remove(stack);
            }
            else
            {
                shape = definition;
            }

            // An undefined optional definition leaves the earlier value in place.
            if (shape is not null)
            {
                merged = merged is null ? shape : NodeMerger.Merge(merged, shape);
            }
        }

        return merged;
    }

    /// <summary>
    /// When there are definitions before it, what a definition brought in is resolved while its field
    /// still looks back, so that references in it to the field see only those earlier definitions (as
    /// lightbend's implementation and tests have it); with none, references in it see the field's final
    /// value. An object that is itself being resolved (it reached this field through one of its own
    /// values) is left out for now, and the field is merged again when next needed.
    /// </summary>
    private Node? ResolveInsideWindow(MergeNode stack, bool lookingBack, Node shape, string label)
    {
        if (_inProgress.Contains(shape) && !IsEnclosing(shape, label))
        {
            _incomplete.Add(stack);
            return null;
        }

        if (lookingBack)
        {
            Resolve(shape, label);
        }

        return shape;
    }

    /// <summary>Whether the node being resolved is an object that contains the field at <paramref name="label"/> (a true cycle).</summary>
    private bool IsEnclosing(Node node, string label)
    {
        var entry = _stack.FindLast(entry => ReferenceEquals(entry.Node, node));
        return entry.Label is not { } enclosing
            || enclosing.Length == 0
            || label == enclosing
            || label.StartsWith(enclosing + ".", StringComparison.Ordinal)
            || label.StartsWith(enclosing + "[", StringComparison.Ordinal);
    }

    private Node? Substitute(SubstitutionNode substitution)
    {
        var lookup = Lookup(substitution.Path);
        if (lookup.Found is null && substitution.FallbackPath is { } fallback)
        {
            var fromRoot = Lookup(fallback);
            if (fromRoot.Found is not null)
            {
                return fromRoot.Found;
            }
        }

        if (lookup.Found is not null)
        {
            return lookup.Found;
        }

        if (!substitution.TreeOnly && _environment(substitution.EnvironmentName) is { } variable)
        {
            return new SimpleNode(new HoconString(variable, substitution.Position), substitution.Position);
        }

        if (substitution.IsOptional)
        {
            return null;
        }

        if (lookup.SelfReference is not { } field)
        {
            throw new HoconException(
                substitution.Position,
                lookup.Blocked is { } blocked ? $"unresolved substitution {substitution.Text}: {blocked}" : $"unresolved substitution {substitution.Text}");
        }

        // A field that refers straight to itself with nothing before it is undefined, per the spec; longer loops are cycles.
        var chain = CycleChain(field);
        throw chain.Count > 1
            ? new HoconException(substitution.Position, $"substitution cycle: {string.Join(" -> ", chain)}")
            : new HoconException(substitution.Position, $"unresolved substitution {substitution.Text} (it refers to its own field, which has no earlier value)");
    }

    /// <summary>Follows a path from the root, making each step's shape definite but nothing else.</summary>
    /// <remarks><c>Blocked</c> names a value that stands where the path needs an object, for the message when nothing is found.</remarks>
    private (Node? Found, Node? SelfReference, string? Blocked) Lookup(HoconPath path)
    {
        Node current = _root;
        var walked = HoconPath.Root;
        foreach (var key in path.Keys)
        {
            if (current is not ObjectNode obj)
            {
                return (null, null, $"{walked} is {Describe(current)}, set at {current.Position}");
            }

            if (!obj.TryGetField(key, out var child))
            {
                return (null, null, null);
            }

            walked = walked.Append(key);
            if (_earlier.TryGetValue(child, out var earlier))
            {
                if (earlier is null)
                {
                    _taint.Add(child);
                    return (null, child, null);
                }

                child = earlier;
            }

            if (Shape(child, walked.ToString()) is not { } shape)
            {
                return (null, null, null);
            }

            current = shape;
        }

        return (current, null, null);
    }

    private Node? Concatenate(ConcatenationNode concatenation, string label)
    {
        var shapes = concatenation.Parts.Select(part => Shape(part, label)).ToList();
        var defined = shapes.OfType<Node>().ToList();

        // Undefined optional parts drop out. Whitespace written between parts is part of a string result
        // ("v ${?nope}" is "v "), but beside an object or array it is only layout; a lone part without
        // whitespace keeps its type, and no parts at all leave the field undefined.
        var whitespace = concatenation.Gaps.Any(gap => gap.Length > 0) && !defined.Exists(shape => shape is ObjectNode or ArrayNode);
        if (defined.Count <= 1 && !whitespace)
        {
            return defined.FirstOrDefault();
        }

        if (defined.TrueForAll(shape => shape is SimpleNode))
        {
            return new SimpleNode(new HoconString(JoinText(shapes, concatenation.Gaps), concatenation.Position), concatenation.Position);
        }

        if (defined.TrueForAll(shape => shape is ObjectNode))
        {
            return defined.Aggregate(NodeMerger.Merge);
        }

        if (defined.TrueForAll(shape => shape is ArrayNode))
        {
            return new ArrayNode([.. defined.SelectMany(shape => ((ArrayNode)shape).Items)], concatenation.Position);
        }

        var first = defined[0];
        var mismatch = defined.First(shape => shape.GetType() != first.GetType());
        throw new HoconException(
            concatenation.Position,
            $"cannot concatenate {Describe(first)} with {Describe(mismatch)} at {label} (only strings, only arrays, or only objects can be joined)");
    }

    /// <summary>Joins string parts with the whitespace written between them; undefined parts are empty.</summary>
    private static string JoinText(List<Node?> shapes, IReadOnlyList<string> gaps)
    {
        var text = new StringBuilder();
        for (var i = 0; i < shapes.Count; i++)
        {
            text.Append(gaps[i]).Append((shapes[i] as SimpleNode)?.ConcatenationText);
        }

        return text.ToString();
    }

    private static string Describe(Node shape) => shape switch
    {
        ObjectNode => "an object",
        ArrayNode => "an array",
        _ => ((SimpleNode)shape).Value.Describe(),
    };

    private HoconException CycleError(Node node, HoconPosition at) =>
        new(at, $"substitution cycle: {string.Join(" -> ", CycleChain(node))}");

    /// <summary>
    /// Where resolving went from the first step that needed <paramref name="node"/> (the node itself,
    /// or a substitution that found it) back round to it.
    /// </summary>
    private List<string> CycleChain(Node node)
    {
        var start = _stack.FindIndex(entry =>
            ReferenceEquals(entry.Node, node) || (_shapes.TryGetValue(entry.Node, out var shape) && ReferenceEquals(shape, node)));
        var chain = new List<string>();
        foreach (var (_, label) in _stack.Skip(start).Append(_stack[start]))
        {
            if (chain.Count == 0 || chain[^1] != label)
            {
                chain.Add(label);
            }
        }

        return chain;
    }
}
