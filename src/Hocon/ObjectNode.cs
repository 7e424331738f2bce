using System.Diagnostics.CodeAnalysis;

namespace ActorHyper.Hocon;

/// <summary>An object under construction or awaiting resolution; keys keep first-insertion order.</summary>
internal sealed class ObjectNode : Node
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Node> _fields = new(StringComparer.Ordinal);

    public ObjectNode(HoconPosition position)
        : base(position)
    {
    }

    public IEnumerable<KeyValuePair<string, Node>> Fields => _order.Select(key => KeyValuePair.Create(key, _fields[key]));

    public bool TryGetField(string key, [MaybeNullWhen(false)] out Node value) => _fields.TryGetValue(key, out value);

    /// <summary>Sets a field; a key that is already present merges as a duplicate key does.</summary>
    public void Add(string key, Node value)
    {
        if (_fields.TryGetValue(key, out var existing))
        {
            _fields[key] = NodeMerger.Merge(existing, value);
        }
        else
        {
            _order.Add(key);
            _fields[key] = value;
        }
    }
}
