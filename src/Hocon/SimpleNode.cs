namespace ActorHyper.Hocon;

/// <summary>A string, number, boolean or null: already final when parsed.</summary>
internal sealed class SimpleNode : Node
{
    public SimpleNode(HoconValue value, HoconPosition position)
        : base(position)
    {
        Value = value;
    }

    public HoconValue Value { get; }

    /// <summary>The value's text in a string concatenation (numbers as written, null as "null").</summary>
    public string ConcatenationText => Value switch
    {
        HoconString s => s.Value,
        HoconNumber n => n.Text,
        HoconBoolean b => b.Text,
        _ => "null",
    };
}
