using System.Diagnostics.CodeAnalysis;

namespace ActorHyper.Hocon;

/// <summary>A resolved object; fields keep the order in which their keys were first written.</summary>
public sealed class HoconObject : HoconValue
{
    private readonly Dictionary<string, HoconValue> _byKey;

    internal HoconObject(IReadOnlyList<KeyValuePair<string, HoconValue>> fields, HoconPosition? position)
        : base(position)
    {
        Fields = fields;
        _byKey = new Dictionary<string, HoconValue>(fields, StringComparer.Ordinal);
    }

    /// <summary>The fields in first-insertion order.</summary>
    public IReadOnlyList<KeyValuePair<string, HoconValue>> Fields { get; }

    public int Count => Fields.Count;

    public IEnumerable<string> Keys => Fields.Select(entry => entry.Key);

    public HoconValue this[string key] => _byKey[key];

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _byKey.TryGetValue(key, out value);

    internal override string Describe() => "an object";
}
